package org.camelmindee.ocr.poll;

import java.util.concurrent.TimeUnit;

/**
 * When to poll a job. Until enough jobs of a model have been seen, the configured delays: {@code initialDelay}, then
 * every {@code interval}. After that, the first poll goes when a quarter of the jobs seen were done, and the next ones
 * close together while most jobs finish, then further apart for the slow tail, never further than {@code interval}.
 * Polling earlier than a job can be done only spends the account's GET budget.
 */
public final class PollSchedule {

    /** Samples needed before the schedule trusts what it has seen. */
    static final int MIN_SAMPLES = 8;
    private static final long MIN_DELAY = TimeUnit.MILLISECONDS.toNanos(100);

    private final long initialDelay;
    private final long interval;
    private final ProcessingTimes times;

    public PollSchedule(long initialDelayMillis, long intervalMillis, ProcessingTimes times) {
        this.initialDelay = TimeUnit.MILLISECONDS.toNanos(initialDelayMillis);
        this.interval = Math.max(MIN_DELAY, TimeUnit.MILLISECONDS.toNanos(intervalMillis));
        this.times = times;
    }

    /** Nanoseconds from the enqueue until the first poll. */
    public long firstDelay() {
        if (times.count() < MIN_SAMPLES) {
            return initialDelay;
        }
        return Math.max(MIN_DELAY, times.quantile(0.25));
    }

    /** Nanoseconds from the poll made {@code elapsed} nanoseconds after the enqueue until the next one. */
    public long nextDelay(long elapsed) {
        if (times.count() < MIN_SAMPLES) {
            return interval;
        }
        long q25 = times.quantile(0.25);
        long q75 = times.quantile(0.75);
        long q95 = times.quantile(0.95);
        long step;
        if (elapsed < q95) {
            // the bulk: a few polls across the middle half of the distribution
            step = Math.max(MIN_DELAY, (q75 - q25) / 3);
        } else {
            // the tail: back off in proportion to how long the job has already taken
            step = Math.max(MIN_DELAY, elapsed / 4);
        }
        return Math.min(step, interval);
    }
}
