package org.camelmindee.ocr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.FileUtil;
import org.camelmindee.ocr.api.Document;
import org.camelmindee.ocr.api.EnqueueRequest;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.camelmindee.ocr.api.ResultWithJson;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.poll.JobWaiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange: read the body, call Mindee, set the body and headers. Asynchronous from end to end: the route's
 * thread returns as soon as the document is handed to the HTTP client, and the exchange continues on the HTTP
 * client's threads when the result is in.
 */
public class MindeeOcrProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MindeeOcrProducer.class);

    private final MindeeOcrEndpoint endpoint;
    private final MindeeOcrConfiguration configuration;
    /** A last answer may arrive just after the deadline's final poll; past this, the exchange fails regardless. */
    private static final long DEADLINE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private WritableHealthCheckRepository healthCheckRepository;
    private MindeeOcrProducerHealthCheck healthCheck;

    public MindeeOcrProducer(MindeeOcrEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getPollTimeout());
        InFlight flight = new InFlight(exchange, callback);
        CompletableFuture<Consumer<Message>> outcome;
        try {
            outcome = switch (operation(exchange)) {
                case ocr -> ocr(exchange, flight, deadline);
                case enqueue -> enqueue(exchange, deadline);
                case getJob -> getJob(exchange, deadline);
                case getResult -> getResult(exchange, deadline);
                case searchModels -> searchModels(exchange, deadline);
                case webhook -> throw new MindeeOcrException(
                        "The operation webhook is the consumer's: a producer can run ocr, enqueue, getJob, getResult"
                                                             + " or searchModels");
            };
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        inFlight.add(flight);
        // the deadline holds whatever the network does: past it (and a little grace for a last answer) the exchange
        // fails with the job's id, and anything that arrives later is dropped
        flight.guard = endpoint.getComponent().scheduler().schedule(() -> flight.settle(null, flight.timeout()),
                deadline - System.nanoTime() + DEADLINE_GRACE_NANOS, TimeUnit.NANOSECONDS);
        outcome.whenComplete(flight::settle);
        return false;
    }

    /** The ids of the jobs this producer is waiting for. */
    public List<String> jobIdsInFlight() {
        return inFlight.stream().map(f -> f.job).filter(Objects::nonNull).map(Job::id).toList();
    }

    private CompletableFuture<Consumer<Message>> ocr(Exchange exchange, InFlight flight, long deadline)
            {
        String modelId = modelId(exchange);
        EnqueueRequest request = enqueueRequest(exchange, modelId);
        MindeeApiClient client = endpoint.client();
        return client.enqueue(request, deadline).thenCompose(response -> {
            Job job = response.job();
            flight.job = job;
            LOG.debug("Enqueued {} as job {}", request.document().filename(), job.id());
            JobWaiter waiter = new JobWaiter(client, endpoint.pollSchedule(modelId), endpoint.pollPlanner(modelId),
                    job, System.nanoTime(), deadline);
            flight.waiter = waiter;
            LongAdder jobsInFlight = endpoint.getComponent().jobsInFlight();
            jobsInFlight.increment();
            return waiter.start()
                    .whenComplete((poll, error) -> jobsInFlight.decrement())
                    .thenCompose(poll -> client.fetchResult(poll.resultUrl(), job.id(), job.alias(), deadline))
                    .thenApply(result -> message -> {
                        setJobHeaders(message, job);
                        setResult(message, result);
                    });
        });
    }

    private CompletableFuture<Consumer<Message>> enqueue(Exchange exchange, long deadline) {
        EnqueueRequest request = enqueueRequest(exchange, modelId(exchange));
        return endpoint.client().enqueue(request, deadline).thenApply(response -> message -> {
            message.setBody(response.job());
            setJobHeaders(message, response.job());
        });
    }

    private CompletableFuture<Consumer<Message>> getJob(Exchange exchange, long deadline) {
        String jobId = requiredHeader(exchange, MindeeOcrConstants.JOB_ID, "getJob");
        MindeeApiClient client = endpoint.client();
        return client.pollJob(client.jobUrl(jobId), jobId, null, deadline).thenApply(poll -> message -> {
            Job job = poll.job() != null ? poll.job()
                    : new Job(jobId, null, null, null, null, null, JobStatus.PROCESSED, client.jobUrl(jobId),
                            poll.resultUrl(), null, null);
            message.setBody(job);
            setJobHeaders(message, job);
            if (poll.done()) {
                message.setHeader(MindeeOcrConstants.JOB_STATUS, JobStatus.PROCESSED.value());
                message.setHeader(MindeeOcrConstants.INFERENCE_ID, lastSegment(poll.resultUrl()));
            }
        });
    }

    private CompletableFuture<Consumer<Message>> getResult(Exchange exchange, long deadline) {
        String inferenceId = requiredHeader(exchange, MindeeOcrConstants.INFERENCE_ID, "getResult");
        MindeeApiClient client = endpoint.client();
        return client.fetchResult(client.resultUrl(inferenceId), null, null, deadline)
                .thenApply(result -> message -> setResult(message, result));
    }

    private CompletableFuture<Consumer<Message>> searchModels(Exchange exchange, long deadline) {
        String name = exchange.getMessage().getBody(String.class);
        return endpoint.client().searchModels(name, deadline).thenApply(models -> message -> message.setBody(models));
    }

    private EnqueueRequest enqueueRequest(Exchange exchange, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new MindeeOcrException("No model id: set modelId on the endpoint or header "
                                         + MindeeOcrConstants.MODEL_ID);
        }
        try {
            MindeeOcrEndpoint.checkUuid("The model id", modelId);
        } catch (IllegalArgumentException e) {
            throw new MindeeOcrException(e.getMessage());
        }
        String filename = filename(exchange);
        Document document = DocumentBodyReader.read(exchange, filename);
        String alias = stringHeader(exchange, MindeeOcrConstants.ALIAS);
        if (alias == null) {
            alias = configuration.getAlias();
        }
        return new EnqueueRequest(modelId.strip(), document, document.filename(), alias, endpoint.webhookIds());
    }

    private void setResult(Message message, ResultWithJson result) {
        OcrResponse response = result.response();
        switch (configuration.getResultFormat()) {
            case json -> message.setBody(new String(result.json(), StandardCharsets.UTF_8));
            case text -> message.setBody(response.text());
            default -> message.setBody(response);
        }
        setResultHeaders(message, response);
    }

    /** The headers of a result; the webhook consumer sets the same ones. */
    static void setResultHeaders(Message message, OcrResponse response) {
        OcrInference inference = response.inference();
        if (inference == null) {
            return;
        }
        message.setHeader(MindeeOcrConstants.INFERENCE_ID, inference.id());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, JobStatus.PROCESSED.value());
        if (inference.job() != null) {
            message.setHeader(MindeeOcrConstants.JOB_ID, inference.job().id());
        }
        InferenceFile file = inference.file();
        if (file != null) {
            message.setHeader(MindeeOcrConstants.PAGE_COUNT, file.pageCount() > 0 ? file.pageCount() : response.pageCount());
            message.setHeader(MindeeOcrConstants.MIME_TYPE, file.mimeType());
            message.setHeader(MindeeOcrConstants.ALIAS, file.alias());
            message.setHeader(MindeeOcrConstants.FILENAME, file.name());
        } else {
            message.setHeader(MindeeOcrConstants.PAGE_COUNT, response.pageCount());
        }
    }

    private static void setJobHeaders(Message message, Job job) {
        if (job == null) {
            return;
        }
        message.setHeader(MindeeOcrConstants.JOB_ID, job.id());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, job.status() == null ? null : job.status().value());
        if (job.alias() != null) {
            message.setHeader(MindeeOcrConstants.ALIAS, job.alias());
        }
        if (job.filename() != null) {
            message.setHeader(MindeeOcrConstants.FILENAME, job.filename());
        }
        if (job.resultUrl() != null) {
            message.setHeader(MindeeOcrConstants.INFERENCE_ID, lastSegment(job.resultUrl()));
        }
    }

    private MindeeOcrOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MindeeOcrConstants.OPERATION);
        if (header == null) {
            return configuration.getOperation();
        }
        if (header instanceof MindeeOcrOperation operation) {
            return operation;
        }
        try {
            return MindeeOcrEndpoint.parseOperation(header.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new MindeeOcrException("Header " + MindeeOcrConstants.OPERATION + ": " + e.getMessage());
        }
    }

    private String modelId(Exchange exchange) {
        String header = stringHeader(exchange, MindeeOcrConstants.MODEL_ID);
        return header != null ? header : configuration.getModelId();
    }

    /** The header, the file consumers' name, S3's key, then the endpoint's option; a path is cut to its name. */
    private String filename(Exchange exchange) {
        for (String header : new String[] {
                MindeeOcrConstants.FILENAME, MindeeOcrConstants.CAMEL_FILE_NAME, MindeeOcrConstants.S3_KEY }) {
            String value = stringHeader(exchange, header);
            if (value != null && !value.isBlank()) {
                return FileUtil.stripPath(value);
            }
        }
        return configuration.getFilename();
    }

    private static String stringHeader(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof java.util.UUID) {
            return value.toString();
        }
        throw new MindeeOcrException("Header " + name + " must be a String, not " + value.getClass().getName());
    }

    private static String requiredHeader(Exchange exchange, String name, String operation) {
        String value = stringHeader(exchange, name);
        if (value == null || value.isBlank()) {
            throw new MindeeOcrException("The operation " + operation + " needs header " + name);
        }
        return value.strip();
    }

    private static String lastSegment(String url) {
        if (url == null) {
            return null;
        }
        String path = java.net.URI.create(url).getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // health checks are optional: register one only where a repository for producers exists
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new MindeeOcrProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        // Camel's graceful shutdown has already waited for in-flight exchanges; whatever is left fails now, naming its
        // job, so that a file consumer keeps or moves its file as the route says instead of waiting forever
        if (!inFlight.isEmpty()) {
            LOG.warn("Stopping with {} documents in flight; they fail now. Their jobs may still finish at Mindee and can"
                     + " be fetched with getJob: {}", inFlight.size(), jobIdsInFlight());
        }
        for (InFlight flight : inFlight) {
            String message = flight.job == null
                    ? "The route stopped while the document was being sent to Mindee: a job may exist; look for it"
                      + " before sending the document again"
                    : "The route stopped while job " + flight.job.id() + " was in flight; fetch it later with getJob";
            flight.settle(null, new MindeeOcrException(message, null,
                    flight.job == null ? null : flight.job.id(), flight.job == null ? null : flight.job.alias()));
        }
        super.doStop();
    }

    /** One exchange in flight: settles once, by its outcome, its deadline, or the producer stopping. */
    private final class InFlight {

        private final Exchange exchange;
        private final AsyncCallback callback;
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long startedAt = System.nanoTime();
        private volatile Job job;
        private volatile JobWaiter waiter;
        private volatile ScheduledFuture<?> guard;

        InFlight(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        void settle(Consumer<Message> apply, Throwable error) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            inFlight.remove(this);
            ScheduledFuture<?> timer = guard;
            if (timer != null) {
                timer.cancel(false);
            }
            Throwable cause = error == null ? null : unwrap(error);
            JobWaiter w = waiter;
            if (w != null && cause != null) {
                w.abort(cause instanceof MindeeOcrException e ? e : new MindeeOcrException(cause.getMessage(), cause));
            }
            if (cause != null) {
                if (job != null) {
                    // so that an error handler can still fetch the job
                    exchange.getMessage().setHeader(MindeeOcrConstants.JOB_ID, job.id());
                }
                exchange.setException(cause);
            } else {
                apply.accept(exchange.getMessage());
            }
            callback.done(false);
        }

        MindeeOcrTimeoutException timeout() {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            Job j = job;
            return j == null
                    ? new MindeeOcrTimeoutException("No answer from Mindee within pollTimeout (" + millis
                                                    + " ms) while sending the document", null, null)
                    : new MindeeOcrTimeoutException("Job " + j.id() + " was not done within pollTimeout (" + millis
                                                    + " ms); it may still finish: fetch it with getJob and header"
                                                    + " CamelMindeeOcrJobId=" + j.id(), j.id(), j.alias());
        }
    }
}
