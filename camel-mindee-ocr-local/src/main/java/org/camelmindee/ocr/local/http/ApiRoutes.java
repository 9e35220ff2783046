package org.camelmindee.ocr.local.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpHandler;

import org.camelmindee.ocr.local.jobs.JobStore;
import org.camelmindee.ocr.local.jobs.OcrJobRunner;
import org.camelmindee.ocr.local.jobs.WebhookEndpoint;

/**
 * The API's routes, as Mindee answers them: enqueue, job, result, models, and a problem for any other path. One
 * instance serves every listener of a server (HTTP and HTTPS), so that they share the jobs and the rate limits.
 */
public final class ApiRoutes {

    private final List<VertxHttpServer.Route> routes;
    private final HttpHandler fallback = new NotFoundHandler();

    /**
     * @param apiKey            the key clients must send; null accepts any
     * @param rateLimitFactor   Mindee's 200 POST and 1200 GET a window times this; 0 for no limits
     * @param rateLimitWindow   the window the limits count over (a minute, as Mindee)
     * @param maxFileBytes      the largest accepted document
     * @param allowUrlDownloads accept {@code url} inputs
     * @param deleteOnFetch     delete a result at its first successful fetch
     * @param webhooks          the webhooks clients may name, by id
     * @param publicBaseUrl     the scheme and authority of {@code polling_url} and {@code result_url}; null takes them
     *                          from the request's Host and X-Forwarded-* headers
     */
    public ApiRoutes(JobStore jobs, OcrJobRunner runner, String apiKey, double rateLimitFactor,
                     Duration rateLimitWindow, Clock clock, long maxFileBytes, boolean allowUrlDownloads,
                     boolean deleteOnFetch, Map<String, WebhookEndpoint> webhooks, URI publicBaseUrl) {
        boolean limited = rateLimitFactor > 0;
        RouteContext context = new RouteContext(jobs, runner, new ApiKeyCheck(apiKey),
                limited ? new RateLimiter(clock, RateLimiter.MINDEE_POSTS_PER_MINUTE * rateLimitFactor,
                        rateLimitWindow) : null,
                limited ? new RateLimiter(clock, RateLimiter.MINDEE_GETS_PER_MINUTE * rateLimitFactor,
                        rateLimitWindow) : null,
                clock, maxFileBytes, allowUrlDownloads, deleteOnFetch, Map.copyOf(webhooks), publicBaseUrl);
        this.routes = List.of(new VertxHttpServer.Route(EnqueueHandler.PATH, new EnqueueHandler(context)),
                new VertxHttpServer.Route(JobHandler.PREFIX, new JobHandler(context)),
                new VertxHttpServer.Route(ResultHandler.PREFIX, new ResultHandler(context)),
                new VertxHttpServer.Route(ModelsHandler.PATH, new ModelsHandler(context)));
    }

    /** The API's routes, each the handler of the paths that start with its prefix. */
    List<VertxHttpServer.Route> routes() {
        return routes;
    }

    /** What answers any other path. */
    HttpHandler fallback() {
        return fallback;
    }
}
