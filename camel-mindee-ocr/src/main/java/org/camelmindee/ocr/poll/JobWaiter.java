package org.camelmindee.ocr.poll;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.camelmindee.ocr.api.JobPoll;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.api.RequestObserver;
import org.camelmindee.ocr.model.Job;

/**
 * Waits for one job without a thread: each poll is a one-shot task on the scheduler, each answer arrives on the HTTP
 * client's threads. Completes with the poll that saw the job done, fails with the job's own problem when it failed,
 * or with a {@link MindeeOcrTimeoutException} at the deadline.
 */
public final class JobWaiter {

    private final MindeeApiClient client;
    private final ScheduledExecutorService scheduler;
    private final PollSchedule schedule;
    private final PollPlanner planner;
    private final Job job;
    private final long enqueuedAt;
    /** When the server made the job, on this JVM's clock as well as the enqueue's answer tells it; the polls' origin. */
    private final long createdAt;
    private final long deadline;
    /** The configured pollTimeout, named in the timeout's message beside the time waited. */
    private final long pollTimeoutMillis;
    /** Hears each poll (meters, traces). */
    private final Supplier<RequestObserver> pollObserver;
    private final CompletableFuture<JobPoll> result = new CompletableFuture<>();
    private volatile long lastPending;
    private volatile int polls;

    public JobWaiter(MindeeApiClient client, PollSchedule schedule, PollPlanner planner, Job job, long enqueuedAt,
                     long deadline, long pollTimeoutMillis, Supplier<RequestObserver> pollObserver) {
        this.client = client;
        this.scheduler = client.scheduler();
        this.schedule = schedule;
        this.planner = planner;
        this.job = job;
        this.enqueuedAt = enqueuedAt;
        this.createdAt = enqueuedAt - planner.answerDelay(job.createdAt());
        this.deadline = deadline;
        this.pollTimeoutMillis = pollTimeoutMillis;
        this.pollObserver = pollObserver;
    }

    public CompletableFuture<JobPoll> start() {
        scheduleAt(createdAt + schedule.firstDelay(enqueuedAt, client.readBudget()));
        return result;
    }

    /** The polls sent so far. */
    public int polls() {
        return polls;
    }

    /** Fails the wait now (shutdown); a poll already sent finds the result completed and stops. */
    public void abort(MindeeOcrException reason) {
        result.completeExceptionally(reason);
    }

    private void scheduleAt(long when) {
        long now = System.nanoTime();
        if (when > deadline) {
            // one last look at the deadline itself, so a job that finished meanwhile is not reported as lost
            when = deadline;
        }
        scheduler.schedule(this::poll, Math.max(0, when - now), TimeUnit.NANOSECONDS);
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        long sentAt = System.nanoTime();
        if (client.readBudget().available(sentAt) == 0 && sentAt < deadline) {
            // no GET left in this window: look again a little later rather than queue behind every other job's poll,
            // where the poll would go out late and stale (the result GETs, which cannot wait, keep the queue)
            scheduleAt(sentAt + schedule.retryDelay());
            return;
        }
        polls++;
        // a server that names no polling_url still has the documented job route
        String pollingUrl = job.pollingUrl() != null ? job.pollingUrl() : client.jobUrl(job.id());
        client.pollJob(pollingUrl, job.id(), job.alias(), deadline, pollObserver.get()).whenComplete((poll, error) -> {
            if (error != null) {
                result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
                return;
            }
            onPoll(poll, sentAt);
        });
    }

    private void onPoll(JobPoll poll, long sentAt) {
        Job current = poll.job();
        if (poll.done()) {
            planner.record(processingTime(current, sentAt));
            result.complete(poll);
            return;
        }
        if (current != null && current.isFailed()) {
            result.completeExceptionally(new MindeeOcrException(
                    "Mindee could not process job " + job.id() + (current.error() == null
                            ? "" : ": " + MindeeOcrException.describe(current.error())),
                    current.error(), job.id(), job.alias()));
            return;
        }
        lastPending = sentAt;
        long now = System.nanoTime();
        if (now >= deadline) {
            result.completeExceptionally(new MindeeOcrTimeoutException(
                    "Job " + job.id() + " was not done within pollTimeout (" + pollTimeoutMillis + " ms; waited "
                    + TimeUnit.NANOSECONDS.toMillis(now - (deadline - TimeUnit.MILLISECONDS.toNanos(pollTimeoutMillis)))
                    + " ms, " + polls + " polls); it may still finish: fetch it with getJob and header"
                    + " CamelMindeeOcrJobId=" + job.id(),
                    job.id(), job.alias()));
            return;
        }
        scheduleAt(createdAt + schedule.nextPoll(sentAt - createdAt, now - createdAt, now, client.readBudget()));
    }

    /**
     * How long the job took: the server's own {@code completed_at - created_at} when the job says, kept within what
     * the polls saw (not done at the last pending poll, done at this one); else the middle of that.
     */
    private long processingTime(Job done, long sentAt) {
        long low = (lastPending == 0 ? createdAt : lastPending) - createdAt;
        long high = sentAt - createdAt;
        if (done != null && done.createdAt() != null && done.completedAt() != null) {
            long server = java.time.Duration.between(done.createdAt(), done.completedAt()).toNanos();
            if (server >= 0) {
                return Math.min(high, Math.max(low, server));
            }
        }
        return (low + high) / 2;
    }
}
