package org.camelmindee.ocr;

/** What an endpoint does: the producer's operations, and {@code webhook} for the consumer. */
public enum MindeeOcrOperation {
    /** Enqueue a document, wait for its job, return the OCR result. */
    ocr,
    /** Enqueue a document and return the job at once (for webhook flows). */
    enqueue,
    /** Read the job named by header {@code CamelMindeeOcrJobId}. */
    getJob,
    /** Read the result named by header {@code CamelMindeeOcrInferenceId}. */
    getResult,
    /** List the account's models, optionally filtered by the name in the body. */
    searchModels,
    /** Receive Mindee's webhooks (consumer only). */
    webhook
}
