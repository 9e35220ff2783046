package org.camelmindee.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.camelmindee.ocr.InFlightExchanges.Flight;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.ResultWithJson;
import org.camelmindee.ocr.journal.DocumentKeys;
import org.camelmindee.ocr.journal.JournaledJob;
import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.EnqueueRequest;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.poll.JobWaiter;
import org.camelmindee.ocr.telemetry.JobTelemetry;
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
    private final MindeeOcrBinding binding;
    private final MindeeOcrRequestReader requests;
    private final InFlightExchanges inFlight = new InFlightExchanges();
    /** Where searchable PDFs, hOCR and ALTO are made; only for those formats. */
    private ExecutorService outputExecutor;
    private WritableHealthCheckRepository healthCheckRepository;
    private MindeeOcrProducerHealthCheck healthCheck;

    public MindeeOcrProducer(MindeeOcrEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.binding = new MindeeOcrBinding(configuration.getResultFormat(), configuration.isPdfA());
        this.requests = new MindeeOcrRequestReader(configuration);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(configuration.getPollTimeout());
        Flight flight = inFlight.open(exchange, callback);
        JobTelemetry telemetry = JobTelemetry.NONE;
        CompletableFuture<Consumer<Message>> outcome;
        try {
            MindeeOcrOperation operation = requests.operation(exchange);
            telemetry = endpoint.jobTelemetry(operation, requests.modelId(exchange));
            JobTelemetry t = telemetry;
            outcome = switch (operation) {
                case ocr -> ocr(exchange, flight, deadline, t);
                case enqueue -> enqueue(exchange, deadline, t);
                case getJob -> getJob(exchange, deadline, t);
                case getResult -> getResult(exchange, deadline, t);
                case searchModels -> searchModels(exchange, deadline, t);
                case webhook -> throw new MindeeOcrException(
                        "The operation webhook is the consumer's: a producer can run ocr, enqueue, getJob, getResult"
                                                             + " or searchModels");
            };
        } catch (Exception e) {
            telemetry.finished(e);
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        inFlight.watch(flight, deadline, configuration.getPollTimeout(), endpoint.getComponent().scheduler());
        JobTelemetry t = telemetry;
        outcome.whenComplete((apply, error) -> {
            t.finished(error == null ? null : unwrap(error));
            flight.settle(apply, error);
        });
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The ids of the jobs this producer is waiting for. */
    public List<String> jobIdsInFlight() {
        return inFlight.jobIds();
    }

    private CompletableFuture<Consumer<Message>> ocr(Exchange exchange, Flight flight, long deadline,
                                                     JobTelemetry telemetry) {
        String modelId = requests.modelId(exchange);
        EnqueueRequest request = requests.enqueueRequest(exchange, modelId);
        MindeeApiClient client = endpoint.client();
        return journaled(exchange, request, modelId, deadline, flight::job, telemetry, job -> {
            LOG.debug("Waiting for job {} of {}", job.id(), request.document().filename());
            JobWaiter waiter = new JobWaiter(client, endpoint.pollSchedule(modelId), endpoint.pollPlanner(modelId),
                    job, System.nanoTime(), deadline, configuration.getPollTimeout(), () -> telemetry.request("poll"));
            flight.waiter(waiter);
            LongAdder jobsInFlight = endpoint.getComponent().jobsInFlight();
            jobsInFlight.increment();
            telemetry.waiting();
            return waiter.start()
                    .whenComplete((poll, error) -> {
                        jobsInFlight.decrement();
                        telemetry.waited(waiter.polls(), poll == null || poll.job() == null
                                ? null : poll.job().completedAt());
                    })
                    .thenCompose(poll -> client.fetchResult(poll.resultUrl(), job.id(), job.alias(), deadline,
                            telemetry.request("result")))
                    .thenApply(result -> {
                        telemetry.result(result.response());
                        return result;
                    });
        }).thenCompose(outcome -> body(exchange, outcome.result(), request.document())
                .thenApply(made -> message -> {
                    MindeeOcrBinding.setJobHeaders(message, outcome.job());
                    binding.setResult(message, made.result().response(), made.body());
                }));
    }

    /**
     * The document through the job journal: enqueued only when the journal knows nothing of it; else its known job is
     * followed, its kept result served, or its known failure raised. {@code follow} null stops at the job.
     */
    private CompletableFuture<JournaledJob.Outcome> journaled(Exchange exchange, EnqueueRequest request,
                                                              String modelId, long deadline,
                                                              Consumer<Job> onJob,
                                                              JobTelemetry telemetry,
                                                              Function<Job, CompletableFuture<ResultWithJson>> follow) {
        String key;
        try {
            key = DocumentKeys.of(modelId.strip(), request.alias(), request.document());
        } catch (IOException e) {
            throw new MindeeOcrException("Could not read the document to compute its key: " + e.getMessage(), e);
        }
        MindeeApiClient client = endpoint.client();
        return endpoint.journaledJob().run(key,
                beforeUpload -> client.enqueue(request, deadline, telemetry.request("enqueue"), beforeUpload)
                        .whenComplete((response, error) -> telemetry.enqueued(error == null ? null : unwrap(error)))
                        .thenApply(response -> {
                            LOG.debug("Enqueued {} as job {}", request.document().filename(), response.job().id());
                            return response.job();
                        }), follow, onJob.andThen(job -> telemetry.job(job.id())), deadline);
    }

    private CompletableFuture<Consumer<Message>> enqueue(Exchange exchange, long deadline, JobTelemetry telemetry) {
        String modelId = requests.modelId(exchange);
        EnqueueRequest request = requests.enqueueRequest(exchange, modelId);
        return journaled(exchange, request, modelId, deadline, job -> { }, telemetry, null)
                .thenApply(outcome -> message -> {
                    message.setBody(outcome.job());
                    MindeeOcrBinding.setJobHeaders(message, outcome.job());
                });
    }

    private CompletableFuture<Consumer<Message>> getJob(Exchange exchange, long deadline, JobTelemetry telemetry) {
        String jobId = MindeeOcrRequestReader.requiredHeader(exchange, MindeeOcrConstants.JOB_ID, "getJob");
        telemetry.job(jobId);
        MindeeApiClient client = endpoint.client();
        return client.pollJob(client.jobUrl(jobId), jobId, null, deadline, telemetry.request("poll"))
                .thenApply(poll -> message -> {
                    Job job = poll.job() != null ? poll.job()
                            : new Job(jobId, null, null, null, null, null, JobStatus.PROCESSED, client.jobUrl(jobId),
                                    poll.resultUrl(), null, null);
                    message.setBody(job);
                    MindeeOcrBinding.setJobHeaders(message, job);
                    if (poll.done()) {
                        message.setHeader(MindeeOcrConstants.JOB_STATUS, JobStatus.PROCESSED.value());
                        message.setHeader(MindeeOcrConstants.INFERENCE_ID, MindeeOcrBinding.lastSegment(poll.resultUrl()));
                    }
                });
    }

    private CompletableFuture<Consumer<Message>> getResult(Exchange exchange, long deadline,
                                                           JobTelemetry telemetry) {
        String id = requests.resultId(exchange);
        // the formats made with the original take it from the body, read and checked before the call
        Document original = null;
        if (binding.usesOriginal() && exchange.getMessage().getBody() != null) {
            original = DocumentBodyReader.read(exchange, requests.filename(exchange));
            MindeeOcrOutputs.checkOriginal(configuration.getResultFormat(), original);
        } else if (configuration.getResultFormat() == MindeeOcrResultFormat.searchablePdf) {
            throw new MindeeOcrException("getResult with resultFormat=searchablePdf needs the original document as the"
                                         + " body (a file, bytes or a stream): the text layer is laid on it");
        }
        Document document = original;
        MindeeApiClient client = endpoint.client();
        return client.fetchResult(client.resultUrl(id), null, null, deadline, telemetry.request("result"))
                .thenCompose(result -> {
                    telemetry.result(result.response());
                    return body(exchange, result, document);
                })
                .thenApply(made -> message -> binding.setResult(message, made.result().response(), made.body()));
    }

    /** A result and the body made of it. */
    private record Made(ResultWithJson result, Object body) {
    }

    /**
     * The body of a result: made on the output threads when it uses the original (a PDF of many pages takes seconds,
     * which the HTTP client's few threads must not spend), else at once.
     */
    private CompletableFuture<Made> body(Exchange exchange, ResultWithJson result, Document document) {
        if (!binding.usesOriginal()) {
            return CompletableFuture.completedFuture(
                    new Made(result, binding.body(exchange, result.response(), result.json(), null)));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path original = MindeeOcrOutputs.file(document, exchange);
                return new Made(result, binding.body(exchange, result.response(), result.json(), original));
            } catch (IOException e) {
                throw new MindeeOcrException("Could not keep the original document for resultFormat="
                                             + configuration.getResultFormat() + ": " + e.getMessage(), e);
            }
        }, outputExecutor);
    }

    private CompletableFuture<Consumer<Message>> searchModels(Exchange exchange, long deadline,
                                                              JobTelemetry telemetry) {
        String name = exchange.getMessage().getBody(String.class);
        return endpoint.client().searchModels(name, deadline, telemetry.request("search")).thenApply(models -> message -> message.setBody(models));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (binding.usesOriginal()) {
            outputExecutor = endpoint.getCamelContext().getExecutorServiceManager().newCachedThreadPool(this,
                    "MindeeOcrOutput");
        }
        // health checks are optional: register one only where a repository for producers exists
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            String id = MindeeOcrProducerHealthCheck.idFor(endpoint, false);
            if (healthCheckRepository.getCheck(id).isPresent()) {
                id = MindeeOcrProducerHealthCheck.idFor(endpoint, true);
            }
            healthCheck = new MindeeOcrProducerHealthCheck(endpoint, id);
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
        inFlight.failAll();
        if (outputExecutor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(outputExecutor);
            outputExecutor = null;
        }
        super.doStop();
    }
}
