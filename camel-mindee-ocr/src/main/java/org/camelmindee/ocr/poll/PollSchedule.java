package org.camelmindee.ocr.poll;

import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.api.RequestBudget;

/**
 * When to poll a job. Until enough jobs of a model have been seen, the configured delays: {@code initialDelay}, then
 * every {@code interval}. After that, the poll times {@link PollPlanner} plans from the processing times seen: the
 * ones that minimise the latency after completion plus a price per poll. The price starts at {@value #PRICE_SHARE} of
 * {@code interval} (a poll is worth that much latency) and rises, step by step, until the polls the schedule expects
 * for the jobs started in the last budget window, plus their result GETs, fit in {@value #BUDGET_SHARE} of the GET
 * budget; gaps stay within {@code interval} as long as that fits, and stretch beyond it when it does not. When the
 * budget is half spent anyway (other endpoints, retries, jobs longer than the samples said), the schedule goes
 * sparser, the more so the less is left. Past the last planned poll, a job is polled every quarter of its age (within
 * {@code interval} while half the budget is free). Before there is anything to plan from, every {@code interval}, or
 * every quarter of the job's age once half the budget is spent.
 */
public final class PollSchedule {

    /** Samples needed before the schedule trusts what it has seen. */
    static final int MIN_SAMPLES = 8;
    /** The price of a poll at rest, as a share of the interval: 0.15 s of latency for the default 1 s. */
    static final double PRICE_SHARE = 0.15;
    /** The share of the GET budget the planned polls and results may take; the rest is margin for retries. */
    static final double BUDGET_SHARE = 0.85;

    private final long initialDelay;
    private final long interval;
    private final long minGap;
    private final PollPlanner planner;

    public PollSchedule(long initialDelayMillis, long intervalMillis, PollPlanner planner) {
        this.initialDelay = TimeUnit.MILLISECONDS.toNanos(initialDelayMillis);
        this.interval = Math.max(TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(intervalMillis));
        this.minGap = Math.max(1, interval / 100);
        this.planner = planner;
    }

    /**
     * Nanoseconds from the enqueue until the first poll of a job enqueued at {@code now}.
     *
     * @param budget the account's GET budget, or null to plan as if it were unlimited
     */
    public long firstDelay(long now, RequestBudget budget) {
        planner.started(now);
        if (planner.count() < MIN_SAMPLES) {
            return initialDelay;
        }
        PollPlanner.Level level = level(now, budget);
        long first = level.after(-1);
        return first >= 0 ? Math.max(minGap, first) : initialDelay;
    }

    /**
     * Nanoseconds from the enqueue until the next poll, after a poll sent {@code sent} nanoseconds after the enqueue
     * that was answered (not done) {@code elapsed} nanoseconds after it.
     */
    public long nextPoll(long sent, long elapsed, long now, RequestBudget budget) {
        long earliest = Math.max(sent + minGap, elapsed);
        if (planner.count() < MIN_SAMPLES) {
            // nothing to plan from yet (long jobs: none has finished): every interval, unless the budget runs short,
            // then with the job's age, so that a stream of jobs nobody knows yet does not spend it all
            long step = relaxed(now, budget) ? interval : Math.max(interval, elapsed / 4);
            return Math.max(earliest, sent + step);
        }
        PollPlanner.Level level = level(now, budget);
        long planned = level.after(earliest - 1);
        if (planned >= 0) {
            return planned;
        }
        // slower than every job seen (or than the few that finished first): back off with its age
        long step = Math.max(minGap, elapsed / 4);
        return earliest + (relaxed(now, budget) ? Math.min(step, interval) : step);
    }

    /** Whether at least half of the GET budget is free. */
    private static boolean relaxed(long now, RequestBudget budget) {
        return budget == null || budget.available(now) >= budget.limit() / 2;
    }

    /** How long a poll that found no GET left in the budget waits before it looks again: a tenth of the interval. */
    public long retryDelay() {
        return Math.max(minGap, interval / 10);
    }

    private PollPlanner.Level level(long now, RequestBudget budget) {
        PollPlanner.Plan plan = planner.plan(Math.max(1, Math.round(interval * PRICE_SHARE)), interval);
        int chosen = 0;
        if (budget != null) {
            int jobs = planner.startedSince(now - budget.windowNanos());
            double room = budget.limit() * BUDGET_SHARE;
            chosen = plan.levels.size() - 1;
            for (int i = 0; i < plan.levels.size(); i++) {
                if (jobs * (plan.levels.get(i).expectedPolls + 1) <= room) {
                    chosen = i;
                    break;
                }
            }
            // the prediction counts only this model's jobs and trusts the samples: the budget's state corrects it
            int available = budget.available(now);
            int sparser = available < budget.limit() / 10 ? 8 : available < budget.limit() / 4 ? 4
                    : available < budget.limit() / 2 ? 2 : 0;
            chosen = Math.min(plan.levels.size() - 1, chosen + sparser);
        }
        return plan.levels.get(chosen);
    }
}
