package org.camelmindee.ocr.telemetry;

import java.time.Instant;

import org.camelmindee.ocr.api.RequestObserver;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * One producer exchange as its meters and trace see it, told in this order: the enqueue (when it sends one), the job,
 * the wait and its polls, the result, the end. Each request the exchange makes is a {@link #request}.
 */
public interface JobTelemetry {

    JobTelemetry NONE = new JobTelemetry() {
    };

    /** A request of this exchange: {@code enqueue}, {@code poll}, {@code result} or {@code search}. */
    default RequestObserver request(String operation) {
        return RequestObserver.NONE;
    }

    /** The enqueue made a job ({@code error} null) or failed. */
    default void enqueued(Throwable error) {
    }

    /** The job is known: just enqueued, or found in the job journal. */
    default void job(String jobId) {
    }

    /** Waiting for the job starts. */
    default void waiting() {
    }

    /** Waiting ended after {@code polls} polls; {@code completedAt} is Mindee's {@code completed_at}, null when unsaid. */
    default void waited(int polls, Instant completedAt) {
    }

    /** The result is in hand. */
    default void result(OcrResponse result) {
    }

    /** The exchange is over: {@code error} null when it succeeded. */
    default void finished(Throwable error) {
    }
}
