package org.camelmindee.ocr;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.camelmindee.ocr.api.MindeeOcrException;

/**
 * The producer's health: can the API be reached with this key? Asks the cheapest authenticated call, the model search.
 * A health check may block; the producer never does. Readiness only: an unreachable API is no reason to restart.
 */
final class MindeeOcrProducerHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final MindeeOcrEndpoint endpoint;

    MindeeOcrProducerHealthCheck(MindeeOcrEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    /**
     * The check's id names what the endpoint does, {@code producer:mindee-ocr:ocr:<model id>}, not Camel's
     * {@code endpoint2}; no secret is part of it. Two endpoints with the same operation and model get the endpoint id
     * as a suffix, so that neither check hides the other.
     */
    static String idFor(MindeeOcrEndpoint endpoint, boolean taken) {
        MindeeOcrConfiguration configuration = endpoint.getConfiguration();
        StringBuilder id = new StringBuilder("producer:mindee-ocr:").append(configuration.getOperation());
        if (configuration.getModelId() != null) {
            id.append(':').append(configuration.getModelId());
        }
        if (taken) {
            id.append('#').append(endpoint.getId());
        }
        return id.toString();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        builder.detail("operation", String.valueOf(endpoint.getConfiguration().getOperation()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try {
            int models = endpoint.client().searchModels(null, deadline,
                    endpoint.telemetry().request(endpoint.telemetryName(), "search")).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .models().size();
            builder.detail("models", models).up();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MindeeOcrException problem && problem.getStatus() > 0) {
                builder.detail(HTTP_RESPONSE_CODE, problem.getStatus());
            }
            builder.message(cause.getMessage()).error(cause).down();
        } catch (TimeoutException e) {
            builder.message("Mindee did not answer the model search within " + TIMEOUT_SECONDS + " s").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted").down();
        }
    }
}
