package org.camelmindee.ocr.local.http;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.camelmindee.ocr.local.jobs.JobStore;
import org.camelmindee.ocr.local.jobs.OcrJobRunner;
import org.camelmindee.ocr.local.jobs.WebhookEndpoint;

/**
 * What the route handlers share: the jobs, the workers, the key check, the rate limits (null when off), and the
 * settings the routes read.
 *
 * @param maxFileBytes      the largest accepted document
 * @param allowUrlDownloads accept {@code url} inputs
 * @param deleteOnFetch     delete a result at its first successful fetch
 * @param webhooks          the webhooks clients may name, by id
 * @param publicBaseUrl     the scheme and authority of the URLs the answers carry; null takes them from the request
 */
record RouteContext(
        JobStore jobs,
        OcrJobRunner runner,
        ApiKeyCheck apiKeys,
        RateLimiter postLimit,
        RateLimiter getLimit,
        Clock clock,
        long maxFileBytes,
        boolean allowUrlDownloads,
        boolean deleteOnFetch,
        Map<String, WebhookEndpoint> webhooks,
        URI publicBaseUrl) {
}
