package org.camelmindee.ocr.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * How many requests of one kind an account may send, and when the next may go. The client asks before each request
 * and waits on a scheduler, never on a thread. {@link RateBudget} counts in this JVM; a {@link RateBudgetStore} makes budgets
 * shared by the instances of a fleet. Times are {@link System#nanoTime()} values.
 */
public interface RequestBudget {

    /**
     * Reserves the next slot for a request that must go before {@code deadline}: completes with the grant, which says
     * when the request may go, or fails with a {@link java.util.concurrent.TimeoutException} when no slot comes before
     * then. A budget in this JVM answers at once; a shared one ({@link RateBudgetStore}) once its store has, on a thread
     * of its own.
     */
    CompletableFuture<Grant> acquire(long now, long deadline);

    /** Grants nothing before {@code until}: the server said 429, so it counts differently than we do. */
    void pauseUntil(long until);

    /** How many requests could go now without waiting. */
    int available(long now);

    /** The most requests in one window. */
    int limit();

    /** The window the limit counts over, in nanoseconds. */
    long windowNanos();

    /**
     * One slot of a budget, held by one request: it may go {@code at} that moment. The server counts the request at
     * some moment between its sending and its answer, which a loaded network or server can put well after the grant;
     * the slot counts from the answer ({@link #answered}), the latest moment the server can have counted it, so that
     * the next request in this slot reaches the server a full window after this one, however late this one went.
     *
     * @param at       the moment the request may go
     * @param onAnswer what the budget does with the answer's moment
     */
    record Grant(long at, LongConsumer onAnswer) {

        /** The request's answer (or its failure) came at {@code moment}: the slot is free a window after it. */
        public void answered(long moment) {
            onAnswer.accept(moment);
        }
    }
}
