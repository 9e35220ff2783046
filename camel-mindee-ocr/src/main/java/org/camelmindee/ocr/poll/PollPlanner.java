package org.camelmindee.ocr.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The poll planner of one model: it keeps what the component has seen of the model's jobs, their processing times (the
 * most recent 256) and when jobs were started (for the rate at which they come), and plans from them when to poll: for a price of a poll, counted in
 * latency, the poll times that minimise the expected latency after completion plus the price of the expected polls
 * over the jobs seen (an exact dynamic programme over the sorted samples: an optimal poll always falls on a sample).
 * A ladder of prices, from cheap polls (dense, low latency) to dear ones (sparse), lets {@link PollSchedule} spend the
 * account's GET budget: the cheapest price whose expected GETs the budget can carry.
 */
public final class PollPlanner {

    private static final int CAPACITY = 256;
    private static final int STARTS = 1024;
    private static final int LAGS = 64;
    /** The most an answer is taken to have been held up: beyond that, a clock was changed. */
    private static final long MAX_ANSWER_DELAY = TimeUnit.MINUTES.toNanos(1);
    /** Prices from the base price up to 2^10 times it, in steps of the square root of 2. */
    private static final int PRICE_STEPS = 21;

    private final long[] samples = new long[CAPACITY];
    private int next;
    private int count;
    private int sinceBuilt;
    private final long[] lags = new long[LAGS];
    private int nextLag;
    private int lagCount;
    private final long[] starts = new long[STARTS];
    private int nextStart;
    private int startCount;
    private Plan plan;

    /** Records the processing time of a job, in nanoseconds from its enqueue until it was done. */
    public synchronized void record(long nanos) {
        samples[next] = Math.max(0, nanos);
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
        sinceBuilt++;
    }

    public synchronized int count() {
        return count;
    }

    /** The {@code q} quantile (0..1) of the samples, or -1 when there are none. */
    public synchronized long quantile(double q) {
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.round(q * (count - 1))));
        return sorted[index];
    }

    /**
     * How long before its enqueue's answer was read the server made a job, beyond the quickest answer seen lately:
     * the answer's {@code created_at} against this JVM's clock, less the least such lag of the last 64 jobs (which
     * holds the clocks' offset and the fastest round trip). A burst's answers queue behind each other; without this the
     * later ones would start their polls late. 0 when the job has no {@code created_at}.
     */
    synchronized long answerDelay(Instant created) {
        if (created == null) {
            return 0;
        }
        Instant now = Instant.now();
        long lag = TimeUnit.SECONDS.toNanos(now.getEpochSecond() - created.getEpochSecond())
                   + (now.getNano() - created.getNano());
        lags[nextLag] = lag;
        nextLag = (nextLag + 1) % LAGS;
        lagCount = Math.min(lagCount + 1, LAGS);
        long least = Long.MAX_VALUE;
        for (int i = 0; i < lagCount; i++) {
            least = Math.min(least, lags[i]);
        }
        return Math.min(MAX_ANSWER_DELAY, lag - least);
    }

    /** Notes that a job was started at {@code now} (System.nanoTime()). */
    synchronized void started(long now) {
        starts[nextStart] = now;
        nextStart = (nextStart + 1) % STARTS;
        startCount = Math.min(startCount + 1, STARTS);
    }

    /** How many jobs were started after {@code since}. */
    synchronized int startedSince(long since) {
        int n = 0;
        for (int i = 1; i <= startCount; i++) {
            if (starts[(nextStart - i + STARTS) % STARTS] > since) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    /**
     * The plan for a base price and a longest gap: rebuilt when enough new samples came in (every 8 while there are
     * few, then every 32), or when asked for other parameters.
     */
    synchronized Plan plan(long basePrice, long longestGap) {
        int every = count < 64 ? 8 : 32;
        if (plan == null || plan.basePrice != basePrice || plan.longestGap != longestGap || sinceBuilt >= every) {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            plan = Plan.build(sorted, basePrice, longestGap);
            sinceBuilt = 0;
        }
        return plan;
    }

    /** Poll schedules from the lowest latency to the fewest polls, each with the polls it expects per job. */
    static final class Plan {

        final long basePrice;
        final long longestGap;
        /** Ordered by expected polls, most first. */
        final List<Level> levels;

        private Plan(long basePrice, long longestGap, List<Level> levels) {
            this.basePrice = basePrice;
            this.longestGap = longestGap;
            this.levels = levels;
        }

        static Plan build(long[] sorted, long basePrice, long longestGap) {
            List<Level> levels = new ArrayList<>();
            for (int step = 0; step < PRICE_STEPS; step++) {
                double price = basePrice * Math.pow(2, step / 2.0);
                long[] times = optimal(sorted, price);
                // within the longest gap while the budget allows it, beyond it when it does not
                levels.add(new Level(price, true, fill(times, longestGap), sorted));
                levels.add(new Level(price, false, times, sorted));
            }
            levels.sort(Comparator.comparingDouble((Level l) -> -l.expectedPolls).thenComparingDouble(l -> l.price));
            return new Plan(basePrice, longestGap, List.copyOf(levels));
        }

        /**
         * The poll times (offsets from the enqueue) that minimise, over the samples, the sum of latencies after
         * completion plus {@code price} for each poll made: V(j), the cost of the jobs not done at the poll made at
         * sample j, is the least over the next poll k of price x (jobs left) + their latency at k + V(k).
         */
        static long[] optimal(long[] s, double price) {
            int n = s.length;
            double[] prefix = new double[n + 1];
            for (int i = 0; i < n; i++) {
                prefix[i + 1] = prefix[i] + s[i];
            }
            double[] cost = new double[n];
            int[] following = new int[n];
            Arrays.fill(following, -1);
            for (int j = n - 2; j >= 0; j--) {
                double best = Double.MAX_VALUE;
                for (int k = j + 1; k < n; k++) {
                    double waiting = (double) s[k] * (k - j) - (prefix[k + 1] - prefix[j + 1]);
                    double c = price * (n - 1 - j) + waiting + cost[k];
                    if (c < best) {
                        best = c;
                        following[j] = k;
                    }
                }
                cost[j] = best;
            }
            double best = Double.MAX_VALUE;
            int first = n - 1;
            for (int k = 0; k < n; k++) {
                double c = price * n + (double) s[k] * (k + 1) - prefix[k + 1] + cost[k];
                if (c < best) {
                    best = c;
                    first = k;
                }
            }
            List<Long> times = new ArrayList<>();
            for (int k = first; k >= 0; k = following[k]) {
                if (times.isEmpty() || s[k] > times.get(times.size() - 1)) {
                    times.add(s[k]);
                }
            }
            return times.stream().mapToLong(Long::longValue).toArray();
        }

        /** The times with polls added wherever two are further apart than {@code longestGap}. */
        static long[] fill(long[] times, long longestGap) {
            List<Long> filled = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                if (i > 0) {
                    for (long t = times[i - 1] + longestGap; t < times[i]; t += longestGap) {
                        filled.add(t);
                    }
                }
                filled.add(times[i]);
            }
            return filled.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** One schedule of the ladder. */
    static final class Level {

        final double price;
        /** Whether no two polls are further apart than the longest gap. */
        final boolean capped;
        /** Poll times, nanoseconds after the enqueue, increasing. */
        final long[] times;
        /** Polls per job over the samples, with one more for a job slower than every sample. */
        final double expectedPolls;

        Level(double price, boolean capped, long[] times, long[] sorted) {
            this.price = price;
            this.capped = capped;
            this.times = times;
            double polls = 0;
            for (long sample : sorted) {
                int index = Arrays.binarySearch(times, sample);
                int at = index >= 0 ? index : -index - 1;
                polls += at < times.length ? at + 1 : times.length + 1;
            }
            this.expectedPolls = sorted.length == 0 ? 1 : polls / sorted.length;
        }

        /** The first poll time after {@code elapsed}, or -1 past the last. */
        long after(long elapsed) {
            int index = Arrays.binarySearch(times, elapsed + 1);
            int at = index >= 0 ? index : -index - 1;
            return at < times.length ? times[at] : -1;
        }
    }
}
