package org.camelmindee.ocr.telemetry;

import org.camelmindee.ocr.api.RequestBudget;
import org.camelmindee.ocr.api.RequestObserver;

/**
 * What the component tells its meters and traces. Endpoints are named by their sanitized URI (no secret), models by
 * their id. {@link #NONE} records nothing: the component without Micrometer or OpenTelemetry.
 */
public interface Telemetry {

    Telemetry NONE = new Telemetry() {
    };

    /** The value of a tag that has none, such as the model of a {@code getJob}. */
    String NONE_TAG = "none";

    /** One producer exchange: {@code operation} on {@code endpoint}, for {@code model} (null when it names none). */
    default JobTelemetry job(String endpoint, String operation, String model) {
        return JobTelemetry.NONE;
    }

    /** A request outside any exchange, such as the health check's model search. */
    default RequestObserver request(String endpoint, String operation) {
        return RequestObserver.NONE;
    }

    /** Watches the endpoint's rate budgets until closed (the endpoint stops). */
    default AutoCloseable watchBudgets(String endpoint, RequestBudget enqueue, RequestBudget read) {
        return () -> {
        };
    }

    /** Watches a webhook consumer's counts of deliveries until closed (the consumer stops). */
    default AutoCloseable watchWebhook(String endpoint, WebhookCounts counts) {
        return () -> {
        };
    }

    /** Pages of a result that arrived by webhook. */
    default void webhookPages(String endpoint, String model, int pages) {
    }
}
