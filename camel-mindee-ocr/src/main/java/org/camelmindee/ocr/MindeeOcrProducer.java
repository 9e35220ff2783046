package org.camelmindee.ocr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.util.FileUtil;
import org.camelmindee.ocr.api.Document;
import org.camelmindee.ocr.api.EnqueueRequest;
import org.camelmindee.ocr.api.JobPoll;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.api.RawResult;
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
    private final Set<JobWaiter> waiting = ConcurrentHashMap.newKeySet();
    private WritableHealthCheckRepository healthCheckRepository;
    private MindeeOcrProducerHealthCheck healthCheck;

    public MindeeOcrProducer(MindeeOcrEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        try {
            work = switch (operation(exchange)) {
                case ocr -> ocr(exchange);
                case enqueue -> enqueue(exchange);
                case getJob -> getJob(exchange);
                case getResult -> getResult(exchange);
                case searchModels -> searchModels(exchange);
                case webhook -> throw new MindeeOcrException(
                        "The operation webhook is the consumer's: a producer can run ocr, enqueue, getJob, getResult"
                                                             + " or searchModels");
            };
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(unwrap(error));
            }
            callback.done(false);
        });
        return false;
    }

    /** How many jobs this producer is waiting for. */
    public int jobsInFlight() {
        return waiting.size();
    }

    /** The ids of the jobs this producer is waiting for. */
    public List<String> jobIdsInFlight() {
        return waiting.stream().map(w -> w.job().id()).toList();
    }

    private CompletableFuture<Void> ocr(Exchange exchange) throws MindeeOcrException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(configuration.getPollTimeout());
        String modelId = modelId(exchange);
        EnqueueRequest request = enqueueRequest(exchange, modelId);
        MindeeApiClient client = endpoint.client();
        return client.enqueue(request, deadline).thenCompose(response -> {
            Job job = response.job();
            JobWaiter waiter = new JobWaiter(client, endpoint.pollSchedule(modelId), endpoint.processingTimes(modelId),
                    job, System.nanoTime(), deadline);
            waiting.add(waiter);
            endpoint.getComponent().jobsInFlight().increment();
            setJobHeaders(exchange.getMessage(), job);
            LOG.debug("Enqueued {} as job {}", request.document().filename(), job.id());
            return waiter.start()
                    .whenComplete((poll, error) -> {
                        waiting.remove(waiter);
                        endpoint.getComponent().jobsInFlight().decrement();
                    })
                    .thenCompose(poll -> client.fetchResult(poll.resultUrl(), job.id(), job.alias(), deadline));
        }).thenAccept(result -> setResult(exchange, result));
    }

    private CompletableFuture<Void> enqueue(Exchange exchange) throws MindeeOcrException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getPollTimeout());
        EnqueueRequest request = enqueueRequest(exchange, modelId(exchange));
        return endpoint.client().enqueue(request, deadline).thenAccept(response -> {
            Message message = exchange.getMessage();
            message.setBody(response.job());
            setJobHeaders(message, response.job());
        });
    }

    private CompletableFuture<Void> getJob(Exchange exchange) throws MindeeOcrException {
        String jobId = requiredHeader(exchange, MindeeOcrConstants.JOB_ID, "getJob");
        MindeeApiClient client = endpoint.client();
        return client.pollJob(client.jobUrl(jobId), jobId, null, deadline()).thenAccept(poll -> {
            Job job = poll.job() != null ? poll.job()
                    : new Job(jobId, null, null, null, null, null, JobStatus.PROCESSED, client.jobUrl(jobId),
                            poll.resultUrl(), null, null);
            Message message = exchange.getMessage();
            message.setBody(job);
            setJobHeaders(message, job);
            if (poll.done()) {
                message.setHeader(MindeeOcrConstants.JOB_STATUS, JobStatus.PROCESSED.value());
                message.setHeader(MindeeOcrConstants.INFERENCE_ID, lastSegment(poll.resultUrl()));
            }
        });
    }

    private CompletableFuture<Void> getResult(Exchange exchange) throws MindeeOcrException {
        String inferenceId = requiredHeader(exchange, MindeeOcrConstants.INFERENCE_ID, "getResult");
        MindeeApiClient client = endpoint.client();
        return client.fetchResult(client.resultUrl(inferenceId), null, null, deadline())
                .thenAccept(result -> setResult(exchange, result));
    }

    private CompletableFuture<Void> searchModels(Exchange exchange) {
        String name = exchange.getMessage().getBody(String.class);
        return endpoint.client().searchModels(name, deadline())
                .thenAccept(models -> exchange.getMessage().setBody(models));
    }

    private EnqueueRequest enqueueRequest(Exchange exchange, String modelId) throws MindeeOcrException {
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

    private void setResult(Exchange exchange, RawResult result) {
        Message message = exchange.getMessage();
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

    private MindeeOcrOperation operation(Exchange exchange) throws MindeeOcrException {
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

    private String modelId(Exchange exchange) throws MindeeOcrException {
        String header = stringHeader(exchange, MindeeOcrConstants.MODEL_ID);
        return header != null ? header : configuration.getModelId();
    }

    /** The header, the file consumers' name, S3's key, then the endpoint's option; a path is cut to its name. */
    private String filename(Exchange exchange) throws MindeeOcrException {
        for (String header : new String[] {
                MindeeOcrConstants.FILENAME, MindeeOcrConstants.CAMEL_FILE_NAME, MindeeOcrConstants.S3_KEY }) {
            String value = stringHeader(exchange, header);
            if (value != null && !value.isBlank()) {
                return FileUtil.stripPath(value);
            }
        }
        return configuration.getFilename();
    }

    private static String stringHeader(Exchange exchange, String name) throws MindeeOcrException {
        Object value = exchange.getMessage().getHeader(name);
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof java.util.UUID) {
            return value.toString();
        }
        throw new MindeeOcrException("Header " + name + " must be a String, not " + value.getClass().getName());
    }

    private static String requiredHeader(Exchange exchange, String name, String operation) throws MindeeOcrException {
        String value = stringHeader(exchange, name);
        if (value == null || value.isBlank()) {
            throw new MindeeOcrException("The operation " + operation + " needs header " + name);
        }
        return value.strip();
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getPollTimeout());
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
        // Camel's graceful shutdown has already waited for in-flight exchanges; whatever is left fails with its job id
        for (JobWaiter waiter : waiting) {
            waiter.abort(new MindeeOcrException("The route stopped while job " + waiter.job().id()
                                                + " was in flight; fetch it later with getJob", null,
                    waiter.job().id(), waiter.job().alias()));
        }
        waiting.clear();
        super.doStop();
    }
}
