package org.camelmindee.ocr.poll;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.api.RateBudget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poll schedule's decisions, on made-up processing times and budgets: no clock, no network. */
class PollScheduleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static PollPlanner logNormal(int samples, double medianSeconds, double sigma) {
        PollPlanner times = new PollPlanner();
        Random random = new Random(7);
        for (int i = 0; i < samples; i++) {
            times.record((long) (medianSeconds * SECOND * Math.exp(sigma * random.nextGaussian())));
        }
        return times;
    }

    @Test
    void withoutSamplesTheConfiguredDelaysApply() {
        PollSchedule schedule = new PollSchedule(2000, 1000, new PollPlanner());
        assertEquals(2 * SECOND, schedule.firstDelay(0, null));
        assertEquals(3 * SECOND, schedule.nextPoll(2 * SECOND, 2 * SECOND + 5_000_000, 0, null));
    }

    @Test
    void pollsFallOnTimesJobsWereSeenToTakeAndStayWithinTheInterval() {
        PollPlanner times = logNormal(256, 3, 0.2);
        PollSchedule schedule = new PollSchedule(2000, 1000, times);
        long first = schedule.firstDelay(0, null);
        assertTrue(first > times.quantile(0.01) && first < times.quantile(0.5), "first poll " + first);
        long at = first;
        for (int i = 0; i < 20 && at < times.quantile(0.99); i++) {
            long next = schedule.nextPoll(at, at, 0, null);
            assertTrue(next > at && next - at <= SECOND, "gap " + (next - at));
            at = next;
        }
    }

    @Test
    void aDearerPollMeansFewerPolls() {
        long[] sorted = new long[200];
        Random random = new Random(3);
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (long) (30 * SECOND + random.nextDouble() * 90 * SECOND);
        }
        java.util.Arrays.sort(sorted);
        int cheap = PollPlanner.Plan.optimal(sorted, 0.1 * SECOND).length;
        int dear = PollPlanner.Plan.optimal(sorted, 10 * SECOND).length;
        assertTrue(dear < cheap, cheap + " polls at 0.1 s a poll, " + dear + " at 10 s");
        PollPlanner.Plan plan = PollPlanner.Plan.build(sorted, SECOND / 10, SECOND);
        for (int i = 1; i < plan.levels.size(); i++) {
            assertTrue(plan.levels.get(i).expectedPolls <= plan.levels.get(i - 1).expectedPolls);
        }
    }

    @Test
    void aBudgetTooSmallForTheJobsMakesTheSchedulePoorer() {
        PollPlanner times = logNormal(256, 3, 0.2);
        PollSchedule schedule = new PollSchedule(2000, 1000, times);
        long now = 100 * SECOND;
        RateBudget roomy = new RateBudget(100_000, 60, TimeUnit.SECONDS);
        int densePolls = polls(schedule, now, roomy);
        // 400 jobs started this minute against 1200 GETs: about 2 polls each at most
        RateBudget tight = new RateBudget(1200, 60, TimeUnit.SECONDS);
        for (int i = 0; i < 400; i++) {
            schedule.firstDelay(now, tight);
        }
        int sparsePolls = polls(schedule, now, tight);
        assertTrue(sparsePolls < densePolls, densePolls + " polls with room, " + sparsePolls + " with a tight budget");
    }

    private static int polls(PollSchedule schedule, long now, RateBudget budget) {
        long at = schedule.firstDelay(now, budget);
        int polls = 1;
        while (at < 6 * SECOND && polls < 100) {
            at = schedule.nextPoll(at, at, now, budget);
            polls++;
        }
        return polls;
    }

    @Test
    void anAnswerHeldUpInAQueueMovesTheJobsOriginBack() {
        PollPlanner times = new PollPlanner();
        Instant now = Instant.now();
        // the quickest answers come 5 ms after the job was made; this one 800 ms
        times.answerDelay(now.minusMillis(5));
        long delay = times.answerDelay(now.minusMillis(800));
        assertTrue(delay > TimeUnit.MILLISECONDS.toNanos(700) && delay < TimeUnit.MILLISECONDS.toNanos(900),
                "delay " + delay);
        assertEquals(0, times.answerDelay(null));
    }
}
