package org.camelmindee.ocr.local.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * At most {@code limit} requests in any window (a minute for the API's account limits, 200 POST and 1200 GET), so
 * that clients and benchmarks meet the 429s they would meet on the real service: the times of the requests let
 * through in the last window are kept, and a request passes while there are fewer than the limit. A benchmark that
 * runs a minute in a few seconds counts the same limits over a shorter window.
 */
final class RateLimiter {

    static final int MINDEE_POSTS_PER_MINUTE = 200;
    static final int MINDEE_GETS_PER_MINUTE = 1200;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final ArrayDeque<Instant> passed = new ArrayDeque<>();

    /** {@code perWindow} requests (rounded, at least 1) in any {@code window}. */
    RateLimiter(Clock clock, double perWindow, Duration window) {
        this.clock = clock;
        this.limit = (int) Math.max(1, Math.round(perWindow));
        this.window = window;
    }

    /** Lets one request through, or false when the window's limit is reached. */
    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        forgetOlderThanWindow(now);
        if (passed.size() >= limit) {
            return false;
        }
        passed.addLast(now);
        return true;
    }

    /** Whole seconds until the next request would pass (at least 1 while the limit is reached), for Retry-After. */
    synchronized long secondsUntilNext() {
        Instant now = clock.instant();
        forgetOlderThanWindow(now);
        if (passed.size() < limit) {
            return 0;
        }
        long nanos = Duration.between(now, passed.peekFirst().plus(window)).toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The number of requests a window lets through. */
    int limit() {
        return limit;
    }

    // a request exactly one window old no longer counts
    private void forgetOlderThanWindow(Instant now) {
        Instant start = now.minus(window);
        while (!passed.isEmpty() && !passed.peekFirst().isAfter(start)) {
            passed.removeFirst();
        }
    }
}
