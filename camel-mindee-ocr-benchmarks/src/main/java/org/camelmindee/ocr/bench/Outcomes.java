package org.camelmindee.ocr.bench;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** What became of each document, as the client saw it: a result (and when), or a failure (and why). */
final class Outcomes {

    static final int PENDING = 0;
    static final int OK = 1;
    static final int FAILED = 2;

    final AtomicIntegerArray status;
    final AtomicLongArray receivedAt;
    final AtomicReferenceArray<String> reasons;
    /** Outcomes given more than once for one document (a result twice, or a failure after a result). */
    final AtomicIntegerArray repeats;
    private final CountDownLatch remaining;

    Outcomes(int documents) {
        status = new AtomicIntegerArray(documents);
        receivedAt = new AtomicLongArray(documents);
        reasons = new AtomicReferenceArray<>(documents);
        repeats = new AtomicIntegerArray(documents);
        remaining = new CountDownLatch(documents);
    }

    void ok(int index) {
        long now = SimulatedMindee.epochMicros(Instant.now());
        if (index < 0 || index >= status.length()) {
            return;
        }
        if (status.compareAndSet(index, PENDING, OK)) {
            receivedAt.set(index, now);
            remaining.countDown();
        } else {
            repeats.incrementAndGet(index);
        }
    }

    void failed(int index, Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        failed(index, reason);
    }

    void failed(int index, String reason) {
        if (index < 0 || index >= status.length()) {
            return;
        }
        if (status.compareAndSet(index, PENDING, FAILED)) {
            receivedAt.set(index, SimulatedMindee.epochMicros(Instant.now()));
            reasons.set(index, reason == null ? "?" : reason.replaceAll("\\s+", " "));
            remaining.countDown();
        } else {
            repeats.incrementAndGet(index);
        }
    }

    boolean await(long nanos) throws InterruptedException {
        return remaining.await(nanos, TimeUnit.NANOSECONDS);
    }
}
