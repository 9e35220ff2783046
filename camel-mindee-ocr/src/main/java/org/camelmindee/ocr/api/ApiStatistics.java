package org.camelmindee.ocr.api;

import java.util.concurrent.atomic.LongAdder;

/** Counts of what the client did, for the dev console and the benchmarks. */
public final class ApiStatistics {

    final LongAdder enqueues = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder results = new LongAdder();
    final LongAdder searches = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder throttled = new LongAdder();
    /** Documents sent again although a job may exist: their sender died before recording it (the job journal). */
    public final LongAdder ambiguousResends = new LongAdder();
    private volatile String lastError;

    public long enqueues() {
        return enqueues.sum();
    }

    public long polls() {
        return polls.sum();
    }

    public long results() {
        return results.sum();
    }

    public long searches() {
        return searches.sum();
    }

    public long retries() {
        return retries.sum();
    }

    /** Answers with status 429 received. */
    public long throttled() {
        return throttled.sum();
    }

    /** Documents sent again after a sender died between sending them and recording their job. */
    public long ambiguousResends() {
        return ambiguousResends.sum();
    }

    public String lastError() {
        return lastError;
    }

    void lastError(String message) {
        this.lastError = message;
    }
}
