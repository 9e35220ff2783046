package org.camelmindee.ocr.telemetry;

/** A webhook consumer's counts of deliveries since it started, which the meters read when they are scraped. */
public interface WebhookCounts {

    /** Routed and completed: answered 200. */
    long accepted();

    /** Of an inference already routed: answered 200, not routed again. */
    long duplicates();

    /** Routed, and the route failed: answered 500. */
    long failed();

    /** Refused with 401: signature missing or wrong. */
    long refusedSignature();

    /** Refused with 413: too large. */
    long refusedSize();

    /** Refused with 400: not a result or a failure. */
    long refusedMalformed();
}
