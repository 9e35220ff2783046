package org.camelmindee.ocr.local.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.local.recognition.Recognizer;
import org.camelmindee.ocr.local.recognition.SimulatedRecognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.EnqueueRequest;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.InferenceJob;
import org.camelmindee.ocr.model.InferenceModel;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrResult;
import org.camelmindee.ocr.model.WebhookFailure;

/**
 * Runs jobs on a fixed pool of OCR workers with a bounded queue: a request thread only queues the job and answers
 * 202; when the queue is full the enqueue answers 429 instead of taking more documents into memory. With a
 * {@link SimulatedRecognizer} the pool is bypassed: each job completes by a timer on the server's scheduler.
 */
public final class OcrJobRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OcrJobRunner.class.getName());

    private final ThreadPoolExecutor pool;
    private final Recognizer recognizer;
    private final UrlDownloader downloader;
    private final WebhookDispatcher webhooks;
    private final Clock clock;
    private final boolean deleteOnFetch;
    private final int queueCapacity;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicLong heldBytes = new java.util.concurrent.atomic.AtomicLong();
    private final long maxHeldBytes = Runtime.getRuntime().maxMemory() / 2;

    /**
     * @param workers       OCR threads, each with its own Tesseract instance
     * @param queueCapacity jobs that may wait for a worker before enqueue answers 429
     * @param maxFileBytes  the largest document a {@code url} download may bring
     * @param deleteOnFetch delete a result once its first webhook delivery succeeded
     * @param timer         completes simulated jobs; the caller owns it
     */
    public OcrJobRunner(int workers, int queueCapacity, long maxFileBytes, boolean deleteOnFetch, Clock clock,
                        Recognizer recognizer, WebhookDispatcher webhooks, ScheduledExecutorService timer) {
        this.recognizer = recognizer;
        this.timer = timer;
        this.webhooks = webhooks;
        this.clock = clock;
        this.deleteOnFetch = deleteOnFetch;
        this.queueCapacity = queueCapacity;
        this.downloader = new UrlDownloader(maxFileBytes);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueCapacity)), DaemonThreads.named("mindee-local-ocr"));
        pool.prestartAllCoreThreads();
    }

    /** Queues the job; throws a 429 problem when the queue is full. */
    public void submit(JobEntry job, EnqueueRequest request) {
        byte[] uploaded = request.document().bytes();
        if (recognizer instanceof SimulatedRecognizer simulated && uploaded != null) {
            simulate(simulated, job, uploaded);
            return;
        }
        long size = uploaded == null ? 0 : uploaded.length;
        // documents wait in memory: past half the heap, refuse like a full queue rather than run out of memory
        long held = heldBytes.addAndGet(size);
        if (held > maxHeldBytes && held != size) { // a lone document is always taken
            heldBytes.addAndGet(-size);
            throw new ProblemException(Problems.queueFull(queueCapacity));
        }
        try {
            pool.execute(() -> {
                try {
                    runGuarded(job, request);
                } finally {
                    heldBytes.addAndGet(-size);
                }
            });
        } catch (RejectedExecutionException e) {
            heldBytes.addAndGet(-size);
            throw new ProblemException(Problems.queueFull(queueCapacity));
        }
    }

    /**
     * A job must end Processed or Failed whatever happens, or its client polls until it gives up; and the worker must
     * live on: a thread that dies takes its Tesseract engine with it, never closed. So nothing is rethrown, not even an
     * OutOfMemoryError (one job's allocation failed; the others' memory is intact once it is unwound).
     */
    private void runGuarded(JobEntry job, EnqueueRequest request) {
        try {
            run(job, request);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.jobId + " failed", t);
            if (job.status() == org.camelmindee.ocr.model.JobStatus.PROCESSING) {
                job.fail(failure(t), Timestamps.now(clock));
            }
        }
    }

    /** The problem of a job that failed on something other than a problem: what happened, in a sentence. */
    static ErrorResponse failure(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return Problems.internalError("The server ran out of memory processing the document (" + t.getMessage()
                    + "): retry later, or send it in smaller parts.");
        }
        if (t instanceof StackOverflowError) {
            return Problems.unreadableDocument("The document nests too deeply to be read (StackOverflowError).");
        }
        return Problems.internalError("The document could not be processed (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ").");
    }

    private void run(JobEntry job, EnqueueRequest request) {
        byte[] body;
        try {
            byte[] uploaded = request.document().bytes();
            byte[] document = uploaded != null ? uploaded : downloader.download(URI.create(request.document().url()));
            OcrResponse response = recognize(job, document, DocumentType.sniff(document));
            body = MindeeJson.toBytes(response);
            job.succeed(response, Timestamps.now(clock));
        } catch (ProblemException e) {
            body = failed(job, e.problem());
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.jobId + " failed", t);
            body = failed(job, failure(t));
        }
        deliver(job, body);
    }

    /**
     * Plans the job with the simulation, reads the document now (a simulation returns canned pages at once), and
     * completes the job by a timer when its time is over; only the pages are kept meanwhile, not the document.
     */
    private void simulate(SimulatedRecognizer simulated, JobEntry job, byte[] document) {
        SimulatedRecognizer.SimulatedJob planned = new SimulatedRecognizer.SimulatedJob(job.jobId, job.alias,
                document.length, DocumentType.sniff(document));
        Duration time = simulated.processingTime(planned);
        OcrResponse response = null;
        ErrorResponse problem = null;
        try {
            response = recognize(job, document, planned.type());
        } catch (ProblemException e) {
            problem = e.problem();
        }
        OcrResponse result = response;
        ErrorResponse failure = problem;
        Runnable complete = () -> {
            byte[] body;
            if (result != null) {
                body = MindeeJson.toBytes(result);
                job.succeed(result, Timestamps.now(clock));
            } else {
                body = failed(job, failure);
            }
            simulated.completed(planned, result != null, Timestamps.now(clock));
            deliver(job, body);
        };
        try {
            timer.schedule(complete, Math.max(0, time.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new ProblemException(Problems.internalError("The server is stopping."));
        }
    }

    /** The document's pages as the API's result; a 422 problem when its type is none the API accepts. */
    private OcrResponse recognize(JobEntry job, byte[] document, DocumentType type) {
        if (type == null) {
            throw new ProblemException(Problems.unreadableDocument("Unsupported file type: send a PDF, JPEG,"
                    + " PNG, WebP, TIFF, HEIC or HEIF file."));
        }
        if (job.filename() == null) {
            job.setFilename("document." + type.name().toLowerCase(Locale.ROOT));
        }
        List<OcrPage> pages = recognizer.recognize(document, type);
        return new OcrResponse(new OcrInference(job.inferenceId, new InferenceJob(job.jobId),
                new InferenceModel(job.modelId), new InferenceFile(job.filename(), job.alias, pages.size(),
                        type.mimeType()),
                new OcrResult(pages)));
    }

    private void deliver(JobEntry job, byte[] body) {
        if (!job.webhookIds.isEmpty()) {
            boolean processed = job.error() == null;
            webhooks.deliver(job, body, () -> {
                if (processed && deleteOnFetch) {
                    job.deleteResult();
                }
            });
        }
    }

    private byte[] failed(JobEntry job, ErrorResponse problem) {
        job.fail(problem, Timestamps.now(clock));
        if (job.filename() == null) {
            job.setFilename("document");
        }
        return MindeeJson.toBytes(new WebhookFailure(job.inferenceId, job.modelId, job.filename(), job.alias, problem,
                Timestamps.now(clock)));
    }

    /** Stops taking jobs, lets the running ones finish (up to the timeout), then frees the engines. */
    @Override
    public void close() {
        // queued jobs are dropped: the server's memory is all they live in
        pool.shutdownNow();
        try {
            if (pool.awaitTermination(30, TimeUnit.SECONDS)) {
                recognizer.close();
            } else {
                // an engine still in use must not be freed under it: leave it to the process exit
                LOG.log(System.Logger.Level.WARNING, "OCR workers still busy after 30 s; engines not freed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
