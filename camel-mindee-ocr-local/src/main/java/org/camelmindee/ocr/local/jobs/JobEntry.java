package org.camelmindee.ocr.local.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookResponse;

/**
 * One job's state, changed by the worker and the webhook deliveries while clients poll it. The URLs are not stored:
 * each answer builds them from the scheme and host the client used.
 */
public final class JobEntry {

    final String jobId;
    final String inferenceId;
    final String modelId;
    final String alias;
    final List<String> webhookIds;
    final Instant createdAt;

    private String filename;
    private JobStatus status = JobStatus.PROCESSING;
    private Instant completedAt;
    private ErrorResponse error;
    private OcrResponse result;
    private final Map<String, WebhookResponse> webhooks = new LinkedHashMap<>();

    public JobEntry(String jobId, String inferenceId, String modelId, String filename, String alias,
                    List<String> webhookIds, Instant createdAt) {
        this.jobId = jobId;
        this.inferenceId = inferenceId;
        this.modelId = modelId;
        this.filename = filename;
        this.alias = alias;
        this.webhookIds = List.copyOf(webhookIds);
        this.createdAt = createdAt;
    }

    synchronized void setFilename(String name) {
        this.filename = name;
    }

    synchronized String filename() {
        return filename;
    }

    synchronized void succeed(OcrResponse response, Instant when) {
        this.result = response;
        this.status = JobStatus.PROCESSED;
        this.completedAt = when;
    }

    synchronized void fail(ErrorResponse problem, Instant when) {
        this.error = problem;
        this.status = JobStatus.FAILED;
        this.completedAt = when;
    }

    synchronized JobStatus status() {
        return status;
    }

    synchronized Instant completedAt() {
        return completedAt;
    }

    synchronized ErrorResponse error() {
        return error;
    }

    /** The result, or null when there is none (not processed, or deleted after a fetch). */
    public synchronized OcrResponse result() {
        return result;
    }

    public synchronized void deleteResult() {
        result = null;
    }

    synchronized void recordWebhook(WebhookResponse delivery) {
        webhooks.put(delivery.id(), delivery);
    }

    /** The job as the API shows it, with absolute URLs under {@code baseUrl}. */
    public synchronized Job toJob(String baseUrl) {
        String resultUrl = status == JobStatus.PROCESSED ? resultUrl(baseUrl) : null;
        return new Job(jobId, modelId, filename, alias, createdAt, completedAt, status, baseUrl + "/v2/jobs/" + jobId,
                resultUrl, new ArrayList<>(webhooks.values()), error);
    }

    String resultUrl(String baseUrl) {
        return baseUrl + "/v2/products/ocr/results/" + inferenceId;
    }
}
