package org.camelmindee.ocr.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most {@code limit} requests in any window of {@code window} nanoseconds: a log of the last {@code limit} grants.
 * A caller reserves a slot and learns how long to wait for it; it waits on a scheduler, not on a thread. Because the
 * log allows no more than {@code limit} in any sliding window, the server's count (sliding or per calendar minute)
 * stays within its limit too.
 */
public final class RateBudget implements RequestBudget {

    private final int limit;
    private final long windowNanos;
    private final long[] grants;
    private int oldest;
    private int used;
    private long pausedUntil;

    public RateBudget(int limit, long window, TimeUnit unit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate budget needs a limit of at least 1 a window, not " + limit);
        }
        this.limit = limit;
        this.windowNanos = unit.toNanos(window);
        this.grants = new long[limit];
    }

    /** The window a per-minute limit counts over: a minute, with half a second of margin for the network's jitter. */
    public static final Duration MINUTE_WINDOW = Duration.ofMillis(60_500);

    /** A budget of {@code perMinute} requests a minute, with half a second of margin for the network's jitter. */
    public static RateBudget perMinute(int perMinute) {
        return new RateBudget(perMinute, MINUTE_WINDOW.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<Long> acquire(long now, long deadline) {
        long wait = reserve(now);
        return wait > 0 && now + wait > deadline
                ? CompletableFuture.failedFuture(new TimeoutException("no slot before the deadline"))
                : CompletableFuture.completedFuture(now + wait);
    }

    /** Reserves the next slot; returns how many nanoseconds from {@code now} the request may go. */
    public synchronized long reserve(long now) {
        long at = Math.max(now, pausedUntil);
        if (used == limit) {
            at = Math.max(at, grants[oldest] + windowNanos);
        } else {
            used++;
        }
        grants[oldest] = at;
        oldest = (oldest + 1) % limit;
        return at - now;
    }

    /** Grants nothing before {@code until}: the server said 429, so it counts differently than we do. */
    @Override
    public synchronized void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    /** How many requests could go now without waiting. */
    @Override
    public synchronized int available(long now) {
        if (now < pausedUntil) {
            return 0;
        }
        // grants are in time order from the oldest kept: find the first one still inside the window
        int first = used < limit ? 0 : oldest;
        int low = 0;
        int high = used;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (grants[(first + mid) % limit] > now - windowNanos) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return limit - (used - low);
    }

    @Override
    public int limit() {
        return limit;
    }

    /** The window the limit counts over, in nanoseconds. */
    @Override
    public long windowNanos() {
        return windowNanos;
    }
}
