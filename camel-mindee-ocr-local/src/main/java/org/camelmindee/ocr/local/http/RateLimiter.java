package org.camelmindee.ocr.local.http;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket holding one minute's worth of requests, refilled continuously: the account limits of the API (200
 * POST and 1200 GET a minute), so that clients and benchmarks meet the 429s they would meet on the real service. A
 * benchmark that runs a minute in a few seconds counts them per shorter window.
 */
final class RateLimiter {

    static final int MINDEE_POSTS_PER_MINUTE = 200;
    static final int MINDEE_GETS_PER_MINUTE = 1200;

    private final Clock clock;
    private final double perMinute;
    private final long windowNanos;
    private double tokens;
    private long lastNanos;

    /** {@code perWindow} requests in any {@code window} (a minute, for the API's limits). */
    RateLimiter(Clock clock, double perWindow, Duration window) {
        this.clock = clock;
        this.perMinute = Math.max(1, perWindow);
        this.windowNanos = Math.max(1, window.toNanos());
        this.tokens = this.perMinute;
        this.lastNanos = nanos();
    }

    /** Takes one request from the bucket; false when the minute's budget is spent. */
    synchronized boolean tryAcquire() {
        long now = nanos();
        tokens = Math.min(perMinute, tokens + (now - lastNanos) * perMinute / windowNanos);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Seconds until the next request would pass, for a Retry-After header. */
    synchronized long secondsUntilNext() {
        double missing = 1 - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * windowNanos / 1e9 / perMinute);
    }

    int limit() {
        return (int) Math.round(perMinute);
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
