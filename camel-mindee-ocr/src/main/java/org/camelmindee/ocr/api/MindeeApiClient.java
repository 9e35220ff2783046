package org.camelmindee.ocr.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camelmindee.ocr.model.EnqueueRequest;

import org.camelmindee.ocr.model.JobResponse;
import org.camelmindee.ocr.model.ModelsResponse;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * The Mindee API v2, asynchronously: each call returns at once and completes on the HTTP client's threads. Builds the
 * requests and reads the answers; {@link RetryingSender} spends them from the account's {@link RequestBudget}s and
 * retries them with backoff within the caller's deadline.
 */
public final class MindeeApiClient {

    public static final String ENQUEUE_PATH = "/v2/products/ocr/enqueue";
    public static final String SEARCH_MODELS_PATH = "/v2/search/models";
    public static final String USER_AGENT = "camel-mindee-ocr/" + version();

    private final ScheduledExecutorService scheduler;
    private final RequestBudget enqueueBudget;
    private final RequestBudget readBudget;
    private final ApiSettings settings;
    private final ApiStatistics statistics;
    private final RetryingSender sender;

    public MindeeApiClient(HttpClient http, ScheduledExecutorService scheduler, RequestBudget enqueueBudget,
                           RequestBudget readBudget, ApiSettings settings, ApiStatistics statistics,
                           Function<URI, RequestLanes> lanes) {
        this.scheduler = scheduler;
        this.enqueueBudget = enqueueBudget;
        this.readBudget = readBudget;
        this.settings = settings;
        this.statistics = statistics;
        this.sender = new RetryingSender(http, scheduler, settings, statistics, lanes);
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The account's budget of GET requests (polls, results, searches). */
    public RequestBudget readBudget() {
        return readBudget;
    }

    /** Queues one document; completes with the new job. */
    public CompletableFuture<JobResponse> enqueue(EnqueueRequest request, long deadline, RequestObserver observer) {
        return enqueue(request, deadline, observer, null);
    }

    /**
     * Queues one document; completes with the new job. {@code beforeUpload}, when given, runs before each attempt's
     * body goes out, and the body waits for it: the job journal records there that Mindee may make a job from here on.
     */
    public CompletableFuture<JobResponse> enqueue(EnqueueRequest request, long deadline, RequestObserver observer,
                                                  Supplier<CompletableFuture<Void>> beforeUpload) {
        Supplier<HttpRequest.Builder> build = () -> {
            MultipartBody body = MultipartBody.of(request);
            return newRequest(URI.create(settings.baseUrl() + ENQUEUE_PATH))
                    .header("Content-Type", body.contentType())
                    .POST(beforeUpload == null ? body.publisher() : new UploadGate(beforeUpload, body.publisher()));
        };
        statistics.enqueues.increment();
        return sender.send(build, enqueueBudget, false, deadline, "the enqueue", null, request.alias(), observer)
                .thenApply(response -> answer(response, JobResponse.class, "the enqueue", null, request.alias()));
    }

    /** Reads the job at its {@code polling_url}, without following the 302 that means it is done. */
    public CompletableFuture<JobPoll> pollJob(String pollingUrl, String jobId, String alias, long deadline,
                                              RequestObserver observer) {
        statistics.polls.increment();
        return sender.send(() -> newRequest(URI.create(pollingUrl)).GET(), readBudget, true, deadline,
                "the job poll", jobId, alias, observer)
                .thenApply(response -> {
                    int status = response.statusCode();
                    if (status == 302 || status == 303) {
                        String location = response.headers().firstValue("Location").orElse(null);
                        JobResponse body = response.body().length == 0
                                ? null : ResponseParser.parse(response, JobResponse.class, "the job poll");
                        String resultUrl = body != null && body.job() != null && body.job().resultUrl() != null
                                ? body.job().resultUrl() : location;
                        if (resultUrl == null) {
                            throw new MindeeOcrException("Mindee answered the job poll with HTTP " + status
                                                         + " but named no result (no Location, no result_url)", null,
                                    jobId, alias);
                        }
                        return new JobPoll(body == null ? null : body.job(), true,
                                URI.create(pollingUrl).resolve(resultUrl).toString());
                    }
                    JobResponse body = answer(response, JobResponse.class, "the job poll", jobId, alias);
                    boolean done = body.job() != null && body.job().isProcessed() && body.job().resultUrl() != null;
                    return new JobPoll(body.job(), done, done ? body.job().resultUrl() : null);
                });
    }

    /** Reads the result at its {@code result_url}: once, since Mindee may delete it when it is fetched. */
    public CompletableFuture<ResultWithJson> fetchResult(String resultUrl, String jobId, String alias, long deadline,
                                                         RequestObserver observer) {
        statistics.results.increment();
        return sender.send(() -> newRequest(URI.create(resultUrl)).GET(), readBudget, true, deadline,
                "the result request", jobId, alias, observer)
                .thenApply(response -> new ResultWithJson(
                        answer(response, OcrResponse.class, "the result request", jobId, alias), response.body()));
    }

    /** The URL of a job's status; Mindee gives it in the job, this is for a job known only by its id. */
    public String jobUrl(String jobId) {
        return settings.baseUrl() + "/v2/jobs/" + encode(jobId);
    }

    /** The URL of a result known only by its inference id. */
    public String resultUrl(String inferenceId) {
        return settings.baseUrl() + "/v2/products/ocr/results/" + encode(inferenceId);
    }

    /** Lists the account's OCR models whose name contains {@code name} (all when null). */
    public CompletableFuture<ModelsResponse> searchModels(String name, long deadline, RequestObserver observer) {
        statistics.searches.increment();
        String query = "?model_type=ocr" + (name == null || name.isBlank() ? "" : "&name=" + encode(name));
        return sender.send(() -> newRequest(URI.create(settings.baseUrl() + SEARCH_MODELS_PATH + query)).GET(),
                readBudget, true, deadline, "the model search", null, null, observer)
                .thenApply(response -> answer(response, ModelsResponse.class, "the model search", null, null));
    }

    private HttpRequest.Builder newRequest(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", settings.apiKey())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
    }

    /** A success's body as {@code type}; any other answer as the problem it reports. */
    private static <T> T answer(HttpResponse<byte[]> response, Class<T> type, String what, String jobId,
                                String alias) {
        if (response.statusCode() / 100 != 2) {
            throw ResponseParser.failure(response, what, jobId, alias);
        }
        return ResponseParser.parse(response, type, what);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String version() {
        String version = MindeeApiClient.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
