package org.camelmindee.ocr.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most {@code limit} requests in any window of {@code window} nanoseconds: {@code limit} slots, each free a window
 * after the moment it counts from, its grant's or, once the request is answered, its answer's. A caller reserves the
 * slot that frees first and learns when it may go; it waits on a scheduler, not on a thread. Since a slot serves one
 * request a window, counted from no earlier than the server saw it, the server's count (sliding or per calendar
 * minute) stays within its limit too.
 */
public final class RateBudget implements RequestBudget {

    /** A slot never used: free at any moment. */
    private static final long FREE = Long.MIN_VALUE / 2;

    private final int limit;
    private final long windowNanos;
    private final long[] countsFrom;
    private long pausedUntil;

    public RateBudget(int limit, long window, TimeUnit unit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate budget needs a limit of at least 1 a window, not " + limit);
        }
        this.limit = limit;
        this.windowNanos = unit.toNanos(window);
        this.countsFrom = new long[limit];
        Arrays.fill(countsFrom, FREE);
    }

    /** The window a per-minute limit counts over: a minute, with half a second of margin for the network's jitter. */
    public static final Duration MINUTE_WINDOW = Duration.ofMillis(60_500);

    /** A budget of {@code perMinute} requests a minute, with half a second of margin for the network's jitter. */
    public static RateBudget perMinute(int perMinute) {
        return new RateBudget(perMinute, MINUTE_WINDOW.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<Grant> acquire(long now, long deadline) {
        Grant grant = reserve(now, deadline);
        return grant == null
                ? CompletableFuture.failedFuture(new TimeoutException("no slot before the deadline"))
                : CompletableFuture.completedFuture(grant);
    }

    /**
     * Reserves the slot that frees first; the grant says when the request may go. Null, and nothing reserved, when that
     * is after {@code deadline} (a request that may go now goes, even at its deadline).
     */
    public synchronized Grant reserve(long now, long deadline) {
        int slot = 0;
        for (int i = 1; i < limit; i++) {
            if (countsFrom[i] < countsFrom[slot]) {
                slot = i;
            }
        }
        long at = Math.max(Math.max(now, pausedUntil), countsFrom[slot] + windowNanos);
        if (at > now && at > deadline) {
            return null;
        }
        countsFrom[slot] = at;
        int reserved = slot;
        return new Grant(at, moment -> answered(reserved, moment));
    }

    private synchronized void answered(int slot, long moment) {
        countsFrom[slot] = Math.max(countsFrom[slot], moment);
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
        int free = 0;
        for (long from : countsFrom) {
            if (from + windowNanos <= now) {
                free++;
            }
        }
        return free;
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
