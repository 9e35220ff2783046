package org.camelmindee.ocr.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One webhook delivery recorded on a {@link Job}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookResponse(
        String id,
        @JsonProperty("created_at") Instant createdAt,
        String status,
        ErrorResponse error,
        @JsonProperty("attempts_count") Integer attemptsCount) {
}
