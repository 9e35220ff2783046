/**
 * What the component, the local engine and the benchmarks share, with Jackson as the only dependency: records for the
 * Mindee API v2 JSON, one per API object, named as in the API schema, and {@link org.camelmindee.ocr.model.MindeeJson}
 * to read and write them (unknown fields are ignored: the API adds fields without notice); the accepted
 * {@link org.camelmindee.ocr.model.DocumentType}s sniffed from the bytes; the {@link org.camelmindee.ocr.model.Document}
 * and {@link org.camelmindee.ocr.model.EnqueueRequest} of one enqueue; the
 * {@link org.camelmindee.ocr.model.WebhookSignature}; and {@link org.camelmindee.ocr.model.MindeeIds}, the UUID check.
 */
package org.camelmindee.ocr.model;
