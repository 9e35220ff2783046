/**
 * The Mindee API v2 over HTTP, asynchronously: {@link org.camelmindee.ocr.api.MindeeApiClient} builds the requests and
 * reads the answers ({@link org.camelmindee.ocr.api.ResponseParser}), {@link org.camelmindee.ocr.api.RetryingSender}
 * spends them from a {@link org.camelmindee.ocr.api.RequestBudget} and retries what is safe, and the exceptions every
 * layer raises live here ({@link org.camelmindee.ocr.api.MindeeOcrException} and its timeout). Uses the model only:
 * never the component package, nor {@code poll} (PackageDependenciesTest).
 */
package org.camelmindee.ocr.api;
