package org.camelmindee.ocr.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.camelmindee.ocr.local.jobs.WebhookEndpoint;

/**
 * Everything the server runs with, as the builder or the command line set it.
 *
 * @param host                  the address to listen on
 * @param port                  HTTP port; 0 picks a free one; -1 serves no plain HTTP
 * @param httpsPort             HTTPS port with a self-signed certificate; 0 picks a free one; -1 serves no HTTPS
 * @param apiKey                the key clients must send; null accepts any key
 * @param workers               OCR worker threads, each with its own engine
 * @param queueCapacity         documents that may wait for a worker before enqueue answers 429
 * @param retention             how long results and jobs are kept after the job finished
 * @param deleteOnFetch         delete a result at its first successful fetch or webhook delivery
 * @param rateLimitFactor       0 for no rate limits; 1 for Mindee's 200 POST and 1200 GET a minute; 0.1 for a tenth
 * @param allowUrlDownloads     fetch {@code url} inputs (off: the server does not download what it is told to)
 * @param maxFileBytes          the largest accepted document
 * @param webhooks              webhook id to endpoint
 * @param webhookAttempts       deliveries tried per webhook before it is recorded as failed
 * @param webhookRetryDelay     the delay before the second attempt, doubled for each further one
 * @param clock                 the time of jobs, retention and rate limits (tests move it)
 * @param publicBaseUrl         the scheme and authority of {@code polling_url} and {@code result_url}; null takes
 *                              them from the request (Host, X-Forwarded-Host, X-Forwarded-Proto)
 */
public record ServerConfig(
        String host,
        int port,
        int httpsPort,
        String apiKey,
        int workers,
        int queueCapacity,
        Duration retention,
        boolean deleteOnFetch,
        double rateLimitFactor,
        boolean allowUrlDownloads,
        long maxFileBytes,
        Map<String, WebhookEndpoint> webhooks,
        int webhookAttempts,
        Duration webhookRetryDelay,
        Clock clock,
        java.net.URI publicBaseUrl) {

    public ServerConfig {
        webhooks = Map.copyOf(webhooks);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (port < 0 && httpsPort < 0) {
            throw new IllegalArgumentException("serve HTTP, HTTPS or both");
        }
        if (publicBaseUrl != null && (publicBaseUrl.getScheme() == null
                || !publicBaseUrl.getScheme().matches("https?") || publicBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("the public base URL must be http(s)://host[:port]: " + publicBaseUrl);
        }
    }

    @Override
    public String toString() {
        // never print the key or the webhook secrets
        return "ServerConfig[host=" + host + ", port=" + port + ", httpsPort=" + httpsPort + ", apiKey="
                + (apiKey == null ? "any" : "****") + ", workers=" + workers + ", queueCapacity=" + queueCapacity
                + ", retention=" + retention + ", deleteOnFetch=" + deleteOnFetch + ", rateLimitFactor="
                + rateLimitFactor + ", allowUrlDownloads=" + allowUrlDownloads + ", maxFileBytes=" + maxFileBytes
                + ", webhooks=" + webhooks.values() + ", publicBaseUrl=" + publicBaseUrl + "]";
    }
}
