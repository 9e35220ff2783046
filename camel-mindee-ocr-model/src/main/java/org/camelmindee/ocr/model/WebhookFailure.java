package org.camelmindee.ocr.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a webhook for a failed inference; a successful one is an {@link OcrResponse}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookFailure(
        @JsonProperty("inference_id") String inferenceId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("file_alias") String fileAlias,
        ErrorResponse error,
        @JsonProperty("created_at") Instant createdAt) {
}
