package org.camelmindee.ocr;

import java.util.concurrent.atomic.LongAdder;

import org.camelmindee.ocr.telemetry.WebhookCounts;

/** What one webhook consumer did with the deliveries it received, for the health check and the dev console. */
public final class MindeeOcrWebhookStatistics implements WebhookCounts {

    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder refusedSignature = new LongAdder();
    final LongAdder refusedSize = new LongAdder();
    final LongAdder refusedMalformed = new LongAdder();

    /** Deliveries routed and completed: answered 200. */
    public long accepted() {
        return accepted.sum();
    }

    /** Deliveries of an inference already routed: answered 200, not routed again. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Deliveries routed whose exchange failed: answered 500 so that Mindee delivers again. */
    public long failed() {
        return failed.sum();
    }

    /** Deliveries refused with 401: signature missing or wrong. */
    public long refusedSignature() {
        return refusedSignature.sum();
    }

    /** Deliveries refused with 413: over {@code webhookMaxPayloadSize}. */
    public long refusedSize() {
        return refusedSize.sum();
    }

    /** Deliveries refused with 400: not JSON, or neither a result nor a failure. */
    public long refusedMalformed() {
        return refusedMalformed.sum();
    }

    /** Deliveries refused before routing, for any reason. */
    public long refused() {
        return refusedSignature() + refusedSize() + refusedMalformed();
    }
}
