package org.camelmindee.ocr.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An asynchronous inference job. {@code resultUrl} is null until the job is {@link JobStatus#PROCESSED}; a failed job
 * carries its problem in {@code error}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Job(
        String id,
        @JsonProperty("model_id") String modelId,
        String filename,
        String alias,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("completed_at") Instant completedAt,
        JobStatus status,
        @JsonProperty("polling_url") String pollingUrl,
        @JsonProperty("result_url") String resultUrl,
        List<WebhookResponse> webhooks,
        ErrorResponse error) {

    public Job {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }

    @JsonIgnore
    public boolean isProcessed() {
        return status == JobStatus.PROCESSED;
    }

    @JsonIgnore
    public boolean isFailed() {
        return status == JobStatus.FAILED;
    }
}
