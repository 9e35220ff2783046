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
    /** Documents reported because Mindee may have a job for them: their sender died mid-upload (the job journal). */
    public final LongAdder uncertainUploads = new LongAdder();
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

    /** Documents reported because their sender died between starting their upload and recording their job. */
    public long uncertainUploads() {
        return uncertainUploads.sum();
    }

    public String lastError() {
        return lastError;
    }

    void lastError(String message) {
        this.lastError = message;
    }
}
