package org.camelmindee.ocr.local.recognition;

import java.time.Duration;
import java.time.Instant;

import org.camelmindee.ocr.model.DocumentType;

/**
 * A recogniser whose jobs take a simulated time, for benchmarks and soak tests: the server asks it at enqueue how long
 * the job takes, recognises the document at once (cheaply: a simulation returns canned pages), and completes the job
 * by a timer when that time is over. No worker thread is held while a job "runs", so thousands of jobs can be in
 * flight; the worker pool and its queue limit are not used.
 */
public interface SimulatedRecognizer extends Recognizer {

    /**
     * How long the job of this document takes, from its enqueue to the moment polls see it done.
     *
     * @param job      the job as enqueued: its id, alias and the document's size and type
     */
    Duration processingTime(SimulatedJob job);

    /** Called once the job is done and visible to polls, before its webhooks are sent. */
    default void completed(SimulatedJob job, boolean processed, Instant at) {
    }

    /**
     * What the server knows of a job when it plans it.
     *
     * @param jobId         the job's id
     * @param alias         the alias the client sent, or null
     * @param documentBytes the size of the uploaded document
     * @param type          the type detected from its bytes, or null when it is no supported type
     */
    record SimulatedJob(String jobId, String alias, long documentBytes, DocumentType type) {
    }
}
