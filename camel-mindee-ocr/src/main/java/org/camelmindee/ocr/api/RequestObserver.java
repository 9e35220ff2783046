package org.camelmindee.ocr.api;

/**
 * Hears what one request to the API goes through, over all its attempts: the seam the component's meters and traces
 * hang on. {@link #NONE} hears nothing, and the client works the same with it.
 */
public interface RequestObserver {

    RequestObserver NONE = new RequestObserver() {
    };

    /** The account's rate budget granted the request a slot {@code nanos} after it asked (0: at once). */
    default void budgetWaited(long nanos) {
    }

    /** An answer arrived, a 429 or a 5xx that is retried included. */
    default void answered(int status) {
    }

    /** The request goes again after {@code backoffNanos}; {@code reason} is the status or the error's simple name. */
    default void retrying(String reason, long backoffNanos) {
    }

    /** The request is over: its last answer's status (0 when none came) or the error it failed with. */
    default void finished(int status, Throwable error) {
    }
}
