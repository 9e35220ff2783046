package org.camelmindee.ocr.api;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code max} requests at once to one API host, so at most that many connections (the JDK client opens one
 * per request in flight and reuses it after). A request over the cap waits in a queue, as a future, not on a thread.
 * Uploads may hold at most {@code max - max/4} of the lanes: the rest are kept for GETs, and a freed lane goes to a
 * waiting GET first, so that polls and result reads never queue behind a row of large uploads.
 */
public final class RequestLanes {

    /** camel-http's default per route. */
    public static final int DEFAULT_MAX = 20;

    private final int max;
    private final int maxUploads;
    private final ArrayDeque<CompletableFuture<Void>> gets = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Void>> uploads = new ArrayDeque<>();
    private int active;
    private int activeUploads;

    public RequestLanes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1, not " + max);
        }
        this.max = max;
        this.maxUploads = Math.max(1, max - max / 4);
    }

    /** Completes when the request may go; the caller then {@link #release}s its lane once the answer is in. */
    public CompletableFuture<Void> acquire(boolean upload) {
        CompletableFuture<Void> lane = new CompletableFuture<>();
        boolean now;
        synchronized (this) {
            now = upload ? active < max && activeUploads < maxUploads && uploads.isEmpty()
                    : active < max && gets.isEmpty();
            if (now) {
                take(upload);
            } else {
                (upload ? uploads : gets).add(lane);
            }
        }
        if (now) {
            lane.complete(null);
        }
        return lane;
    }

    public void release(boolean upload) {
        CompletableFuture<Void> next;
        synchronized (this) {
            active--;
            if (upload) {
                activeUploads--;
            }
            if (!gets.isEmpty()) {
                next = gets.poll();
                take(false);
            } else if (!uploads.isEmpty() && activeUploads < maxUploads) {
                next = uploads.poll();
                take(true);
            } else {
                next = null;
            }
        }
        // outside the lock: the request starts on this thread, and sending is asynchronous
        if (next != null) {
            next.complete(null);
        }
    }

    private void take(boolean upload) {
        active++;
        if (upload) {
            activeUploads++;
        }
    }

    public synchronized int active() {
        return active;
    }

    public synchronized int queued() {
        return gets.size() + uploads.size();
    }

    public int max() {
        return max;
    }
}
