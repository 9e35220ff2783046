package org.camelmindee.ocr.local.jobs;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.WebhookResponse;
import org.camelmindee.ocr.model.WebhookSignature;

/**
 * Delivers a finished job to its webhooks: POSTs the body signed as Mindee signs it (header {@code X-Signature}),
 * asynchronously with the JDK client, retries a failed delivery after a growing delay, and records each delivery on
 * the job's {@code webhooks[]}. A 2xx answer is a delivery; redirects are not followed, as Mindee does not.
 */
public final class WebhookDispatcher {

    /** How the server's own requests (webhook deliveries, URL downloads) name their client. */
    static final String USER_AGENT = "camel-mindee-ocr-local/0.1";

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());

    private final Map<String, WebhookEndpoint> endpoints;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int attempts;
    private final Duration retryDelay;

    /**
     * @param endpoints  the configured webhooks by id
     * @param attempts   deliveries tried per webhook before it is recorded as failed
     * @param retryDelay the delay before the second attempt, doubled for each further one
     * @param scheduler  runs the retries; the caller owns it
     */
    public WebhookDispatcher(Map<String, WebhookEndpoint> endpoints, int attempts, Duration retryDelay, Clock clock,
                             ScheduledExecutorService scheduler) {
        this.endpoints = Map.copyOf(endpoints);
        this.scheduler = scheduler;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.retryDelay = retryDelay;
        // plain HTTP/1.1, as Mindee posts: the JDK's HTTP/2 default offers receivers an h2c upgrade on http URLs
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Starts the deliveries of one job; {@code onDelivered} runs after the first successful one. */
    void deliver(JobEntry job, byte[] body, Runnable onDelivered) {
        for (String id : job.webhookIds) {
            WebhookEndpoint endpoint = endpoints.get(id);
            if (endpoint == null) {
                continue; // validated at enqueue: only a reconfiguration can get here
            }
            Instant created = Timestamps.now(clock);
            job.recordWebhook(new WebhookResponse(id, created, JobStatus.PROCESSING.value(), null, 0));
            attempt(job, endpoint, body, created, 1, onDelivered);
        }
    }

    private void attempt(JobEntry job, WebhookEndpoint endpoint, byte[] body, Instant created, int attempt,
                         Runnable onDelivered) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.HEADER, new WebhookSignature(endpoint.secret()).signHex(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        sent.whenComplete((response, failure) -> {
            ErrorResponse problem = null;
            if (failure != null) {
                problem = Problems.webhookUnreachable(rootCause(failure).getClass().getSimpleName());
            } else if (response.statusCode() / 100 != 2) {
                problem = Problems.webhookRefused(response.statusCode());
            }
            if (problem == null) {
                job.recordWebhook(new WebhookResponse(endpoint.id(), created, JobStatus.PROCESSED.value(), null, attempt));
                onDelivered.run();
            } else if (attempt < attempts) {
                job.recordWebhook(new WebhookResponse(endpoint.id(), created, JobStatus.PROCESSING.value(), problem,
                        attempt));
                long delay = retryDelay.toMillis() << (attempt - 1);
                schedule(() -> attempt(job, endpoint, body, created, attempt + 1, onDelivered), delay);
            } else {
                LOG.log(System.Logger.Level.WARNING, "webhook {0} of job {1}: {2}", endpoint.id(), job.jobId,
                        problem.detail());
                job.recordWebhook(new WebhookResponse(endpoint.id(), created, JobStatus.FAILED.value(), problem, attempt));
            }
        });
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the server is stopping: the delivery stays recorded with its last error
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
