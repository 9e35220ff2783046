package org.camelmindee.ocr.api;

/**
 * How many requests of one kind an account may send, and when the next may go. The client asks before each request
 * and waits on a scheduler, never on a thread. {@link RateBudget} counts in this JVM; a budget shared between the nodes
 * of a cluster implements the same few methods. Times are {@link System#nanoTime()} values.
 */
public interface RequestBudget {

    /** Reserves the next slot; returns how many nanoseconds from {@code now} the request may go (0 or less: now). */
    long reserve(long now);

    /** Grants nothing before {@code until}: the server said 429, so it counts differently than we do. */
    void pauseUntil(long until);

    /** How many requests could go now without waiting. */
    int available(long now);

    /** The most requests in one window. */
    int limit();

    /** The window the limit counts over, in nanoseconds. */
    long windowNanos();
}
