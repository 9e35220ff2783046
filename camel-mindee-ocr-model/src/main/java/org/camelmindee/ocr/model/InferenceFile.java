package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The file an inference read; {@code mimeType} is what the server detected, not what the client declared. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InferenceFile(
        String name,
        String alias,
        @JsonProperty("page_count") int pageCount,
        @JsonProperty("mime_type") String mimeType) {
}
