package org.camelmindee.ocr;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The webhook consumer's health, called by Camel's consumer health check when the route is up: UP while the HTTP route
 * is served, DOWN otherwise. Refused deliveries do not make it DOWN (anyone can post to the path); they are in the
 * details, beside the path and whether a signature is required.
 */
final class MindeeOcrWebhookHealthCheck extends AbstractHealthCheck {

    private final MindeeOcrWebhookConsumer consumer;

    MindeeOcrWebhookHealthCheck(MindeeOcrWebhookConsumer consumer) {
        super("camel", "mindee-ocr-webhook:" + consumer.getPath());
        this.consumer = consumer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("webhook.path", consumer.getPath());
        builder.detail("webhook.signature.required", consumer.isSignatureRequired());
        MindeeOcrWebhookStatistics statistics = consumer.getStatistics();
        builder.detail("webhook.accepted", statistics.accepted());
        builder.detail("webhook.duplicates", statistics.duplicates());
        builder.detail("webhook.failed", statistics.failed());
        builder.detail("webhook.refused", statistics.refused());
        if (consumer.isServing()) {
            builder.up();
        } else {
            builder.message("The webhook path " + consumer.getPath() + " is not served").down();
        }
    }
}
