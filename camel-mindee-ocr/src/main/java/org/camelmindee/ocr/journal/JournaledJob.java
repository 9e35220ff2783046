package org.camelmindee.ocr.journal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.camelmindee.ocr.api.ResultWithJson;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document through the journal: claim it, enqueue it only when the journal knows nothing of it, record the job
 * before waiting for it, and record how it ended. The same document again follows its known job, is answered from a
 * kept result, or fails at once with its known problem; a document another sender holds waits for it. A document
 * whose sender died mid-upload fails once with a report that Mindee may have a job for it, and is not sent behind the
 * route's back: the route's own redelivery, if any, sends it.
 *
 * <p>What is recorded, by outcome: that the upload begins, before the document's first byte goes out; the job after
 * the 202; the result (or only that it was fetched) at the end; a
 * problem that is the document's own (HTTP 400, 413, 415, 422 on the enqueue, or a failed job with such a problem)
 * as a failure for {@code failureRetention}. Anything else (the network, 401/402/403, 429, 5xx, an enqueue cut off
 * after sending) forgets the claim, so that the next delivery tries again, as it would without a journal. A timeout
 * keeps the job: the next delivery follows it.
 */
public final class JournaledJob {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledJob.class);

    private final JobJournal journal;
    private final ScheduledExecutorService scheduler;
    private final JournalSettings settings;
    private final LongAdder uncertain;

    public JournaledJob(JobJournal journal, ScheduledExecutorService scheduler, JournalSettings settings,
                        LongAdder uncertain) {
        this.journal = journal;
        this.scheduler = scheduler;
        this.settings = settings;
        this.uncertain = uncertain;
    }

    /** Sends the document; the body goes out once {@code beforeUpload} has completed. */
    @FunctionalInterface
    public interface Enqueue {
        CompletableFuture<Job> send(Supplier<CompletableFuture<Void>> beforeUpload);
    }

    /** A document's outcome: the job, and its result when the caller waited for it (null for an enqueue alone). */
    public record Outcome(Job job, ResultWithJson result) {
    }

    /**
     * Runs one document.
     *
     * @param key     the document's key ({@link DocumentKeys})
     * @param enqueue sends the document; called only when the journal grants the claim, with what the upload must wait
     *                for (the journal's record that it begins)
     * @param follow  waits for a job and fetches its result; null to stop at the job (the {@code enqueue} operation)
     * @param onJob   told of the job as soon as it is known (the producer names it in a timeout)
     */
    public CompletableFuture<Outcome> run(String key, Enqueue enqueue,
                                          Function<Job, CompletableFuture<ResultWithJson>> follow,
                                          java.util.function.Consumer<Job> onJob, long deadline) {
        return journal.claim(key, settings.leaseMillis()).thenCompose(claim -> {
            if (claim.uncertain()) {
                uncertain.increment();
                LOG.warn("Document {} may already have a job at Mindee: the process that was uploading it stopped"
                         + " before Mindee's answer was recorded. Not sent again now; a redelivery sends it", key);
                return CompletableFuture.failedFuture(new MindeeOcrException("Document " + key + " may have created a"
                        + " job at Mindee already: the process that was uploading it stopped before Mindee's answer"
                        + " was recorded in the job journal. Not sent again, so that a second paid job is your choice:"
                        + " a redelivery of this exchange sends it; moveFailed or a dead letter channel keeps it"
                        + " for you to check first"));
            }
            if (claim.granted()) {
                return enqueue.send(() -> journal.uploading(key, settings.leaseMillis())).handle((job, error) -> {
                    if (error != null) {
                        return afterEnqueueFailure(key, unwrap(error));
                    }
                    onJob.accept(job);
                    return journal.enqueued(key, job.id(), job.pollingUrl(), settings.jobRetentionMillis())
                            .thenCompose(recorded -> follow == null
                                    ? CompletableFuture.completedFuture(new Outcome(job, null))
                                    : followJob(key, job, follow));
                }).thenCompose(Function.identity());
            }
            JournalEntry known = claim.existing();
            switch (known.state()) {
                case FAILED:
                    return CompletableFuture.failedFuture(new MindeeOcrException("This document failed before and is"
                            + " not sent again within journalFailureRetention: " + known.message(), known.failure(),
                            known.jobId(), null));
                case PROCESSED:
                    if (known.resultJson() != null && follow != null) {
                        return CompletableFuture.completedFuture(kept(known));
                    }
                    // fall through: the result was not kept, but the job is still Mindee's to answer
                case ENQUEUED:
                    Job job = knownJob(known);
                    onJob.accept(job);
                    LOG.debug("Document {} is job {} already: following it", key, job.id());
                    if (follow == null) {
                        return CompletableFuture.completedFuture(new Outcome(job, null));
                    }
                    return followJob(key, job, follow).exceptionallyCompose(error -> {
                        Throwable cause = unwrap(error);
                        if (cause instanceof MindeeOcrException e && e.getStatus() == 404) {
                            // Mindee no longer knows the job (expired, or its result deleted when fetched): start over
                            LOG.debug("Job {} of document {} is gone at Mindee: sending the document again", job.id(),
                                    key);
                            return journal.forget(key).thenCompose(v -> run(key, enqueue, follow, onJob, deadline));
                        }
                        return CompletableFuture.failedFuture(cause);
                    });
                default:
                    // another exchange or instance is sending it now: look again shortly, within the deadline
                    return later(key, enqueue, follow, onJob, deadline);
            }
        });
    }

    private CompletableFuture<Outcome> followJob(String key, Job job, Function<Job, CompletableFuture<ResultWithJson>>
            follow) {
        return follow.apply(job).handle((result, error) -> {
            if (error == null) {
                String json = settings.resultRetentionMillis() > 0 ? new String(result.json(), StandardCharsets.UTF_8)
                        : null;
                long retention = json != null ? settings.resultRetentionMillis() : settings.jobRetentionMillis();
                return journal.processed(key, job.id(), job.pollingUrl(), json, retention)
                        .thenApply(v -> new Outcome(job, result));
            }
            Throwable cause = unwrap(error);
            CompletableFuture<Void> recorded;
            if (cause instanceof MindeeOcrTimeoutException) {
                recorded = CompletableFuture.completedFuture(null);   // the job may still finish: follow it next time
            } else if (cause instanceof MindeeOcrException e && isTheDocumentsFault(e) && e.getJobId() != null
                       && e.getStatus() != 404) {
                recorded = journal.failed(key, job.id(), problemOf(e), e.getMessage(),
                        settings.failureRetentionMillis());
            } else {
                recorded = CompletableFuture.completedFuture(null);
            }
            return recorded.<Outcome>thenCompose(v -> CompletableFuture.failedFuture(cause));
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<Outcome> afterEnqueueFailure(String key, Throwable cause) {
        CompletableFuture<Void> recorded = cause instanceof MindeeOcrException e && isTheDocumentsFault(e)
                ? journal.failed(key, null, problemOf(e), e.getMessage(), settings.failureRetentionMillis())
                : journal.forget(key);
        return recorded.thenCompose(v -> CompletableFuture.failedFuture(cause));
    }

    private CompletableFuture<Outcome> later(String key, Enqueue enqueue,
                                             Function<Job, CompletableFuture<ResultWithJson>> follow,
                                             java.util.function.Consumer<Job> onJob, long deadline) {
        long delay = settings.busyRetryNanos();
        if (System.nanoTime() + delay > deadline) {
            return CompletableFuture.failedFuture(new MindeeOcrTimeoutException("Another exchange or instance was"
                    + " still sending this document at the deadline (document " + key + ")", null, null));
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        scheduler.schedule(() -> run(key, enqueue, follow, onJob, deadline).whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                result.complete(outcome);
            }
        }), delay, TimeUnit.NANOSECONDS);
        return result;
    }

    /** A problem that sending the same bytes again cannot change. */
    static boolean isTheDocumentsFault(MindeeOcrException e) {
        int status = e.getStatus();
        return status == 400 || status == 413 || status == 415 || status == 422;
    }

    private static org.camelmindee.ocr.model.ErrorResponse problemOf(MindeeOcrException e) {
        return new org.camelmindee.ocr.model.ErrorResponse(e.getStatus(), e.getTitle(), e.getDetail(), e.getCode(),
                e.getErrors());
    }

    private static Job knownJob(JournalEntry entry) {
        return new Job(entry.jobId(), null, null, null, null, null, JobStatus.PROCESSING, entry.pollingUrl(), null,
                null, null);
    }

    private static Outcome kept(JournalEntry entry) {
        byte[] json = entry.resultJson().getBytes(StandardCharsets.UTF_8);
        try {
            OcrResponse response = MindeeJson.mapper().readValue(json, OcrResponse.class);
            return new Outcome(knownJob(entry), new ResultWithJson(response, json));
        } catch (java.io.IOException e) {
            throw new CompletionException(new MindeeOcrException("The job journal's kept result of job "
                                                                 + entry.jobId() + " is not readable JSON", e));
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
