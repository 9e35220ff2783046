package org.camelmindee.ocr.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.camelmindee.ocr.local.LocalMindeeServer;

/**
 * What the official Java SDK 5.x ({@code MindeeClientV2.enqueueAndGetResult}) does, on the same HTTP client library:
 * the document read whole into memory, one thread per document blocked from the enqueue to the result, a new
 * Apache HttpClient for every request, {@code Thread.sleep(3 s)} then {@code sleep(1.5 s)} before each of at most
 * 100 polls (redirects off), then one GET of the result. No client-side rate budget; a 429 or 503 is retried once by
 * Apache HttpClient's default retry strategy (after Retry-After, else 1 s), then the document fails. The only
 * differences: the delays are divided by the scenario's time scale, and an interceptor counts 429 answers.
 */
final class SdkStyleClient implements BenchClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double INITIAL_DELAY = 3.0;
    private static final double INTERVAL = 1.5;
    private static final int MAX_POLLS = 100;

    private final Scenario scenario;
    private final String baseUrl;
    private final File upload;
    private final Outcomes outcomes;
    private final byte[] document;
    private final LongAdder polls = new LongAdder();
    private final LongAdder results = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder enqueues = new LongAdder();

    SdkStyleClient(Scenario scenario, String baseUrl, File upload, Outcomes outcomes) {
        this.scenario = scenario;
        this.baseUrl = baseUrl;
        this.upload = upload;
        this.outcomes = outcomes;
        this.document = upload == null ? Documents.png((int) scenario.documentSize()) : null;
    }

    @Override
    public void start() {
    }

    @Override
    public void submit(int index) {
        Thread thread = new Thread(() -> run(index), "sdk-document-" + index);
        thread.start();
    }

    private void run(int index) {
        try {
            // LocalInputSource(File) reads the whole file into a byte[]
            byte[] file = upload != null ? Files.readAllBytes(upload.toPath()) : document.clone();
            String alias = scenario.alias(index);
            JsonNode job = enqueue(file, alias, "doc-" + index + ".png").path("job");
            file = null;
            String jobId = job.path("id").asText();
            sleep(INITIAL_DELAY);
            int attempts = 0;
            while (attempts < MAX_POLLS) {
                sleep(INTERVAL);
                JsonNode polled = getJob(jobId).path("job");
                String status = polled.path("status").asText();
                if ("Failed".equals(status)) {
                    throw new IllegalStateException("job failed: " + polled.path("error"));
                }
                if ("Processed".equals(status)) {
                    getResult(polled.path("result_url").asText());
                    outcomes.ok(index);
                    return;
                }
                attempts++;
            }
            throw new IllegalStateException("Max retries exceeded (" + MAX_POLLS + ").");
        } catch (Exception e) {
            outcomes.failed(index, e);
        }
    }

    private JsonNode enqueue(byte[] file, String alias, String filename) throws IOException {
        enqueues.increment();
        HttpPost post = new HttpPost(baseUrl + "/v2/products/ocr/enqueue");
        headers(post);
        MultipartEntityBuilder builder = MultipartEntityBuilder.create();
        builder.setMode(HttpMultipartMode.EXTENDED);
        builder.addBinaryBody("file", file, ContentType.DEFAULT_BINARY, filename);
        builder.addTextBody("model_id", LocalMindeeServer.MODEL_ID);
        builder.addTextBody("alias", alias);
        post.setEntity(builder.build());
        return execute(post);
    }

    private JsonNode getJob(String jobId) throws IOException {
        polls.increment();
        HttpGet get = new HttpGet(baseUrl + "/v2/jobs/" + jobId);
        headers(get);
        get.setConfig(RequestConfig.custom().setRedirectsEnabled(false).build());
        return execute(get);
    }

    private JsonNode getResult(String resultUrl) throws IOException {
        results.increment();
        HttpGet get = new HttpGet(resultUrl);
        headers(get);
        return execute(get);
    }

    private static void headers(ClassicHttpRequest request) {
        request.setHeader(HttpHeaders.AUTHORIZATION, SimulatedMindee.API_KEY);
        request.setHeader(HttpHeaders.USER_AGENT, "mindee-api-java@v5-style benchmark");
    }

    /** A new client per request, closed after it, as the SDK does. */
    private JsonNode execute(ClassicHttpRequest request) throws IOException {
        try (CloseableHttpClient http = HttpClientBuilder.create().useSystemProperties()
                .setRetryStrategy(new ScaledRetryStrategy())
                .addResponseInterceptorLast((response, entity, context) -> {
                    if (response.getCode() == 429) {
                        throttled.increment();
                    }
                })
                .build()) {
            return http.execute(request, response -> {
                int status = response.getCode();
                String raw = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (status < 200 || status > 399) {
                    throw new IOException("HTTP " + status + " " + (raw.length() > 120 ? raw.substring(0, 120) : raw));
                }
                return MAPPER.readTree(raw);
            });
        }
    }

    private void sleep(double scenarioSeconds) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(scenario.realNanos(scenarioSeconds));
    }

    /**
     * Apache HttpClient's default (1 retry of 429 and 503, and of idempotent requests after I/O errors) after its
     * default 1 s, scaled. Mindee sends no Retry-After, so the SDK waits that 1 s; the local engine's Retry-After (in
     * real seconds) is not what the real service sends, and is ignored here.
     */
    private final class ScaledRetryStrategy extends DefaultHttpRequestRetryStrategy {

        ScaledRetryStrategy() {
            super(1, TimeValue.ofSeconds(1));
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ofNanoseconds(scenario.realNanos(1));
        }
    }

    @Override
    public List<String> counters() {
        return List.of("clientPolls=" + polls.sum(), "clientResults=" + results.sum(),
                "clientRetries=0", "client429=" + throttled.sum(), "clientEnqueues=" + enqueues.sum());
    }

    @Override
    public void close() {
    }
}
