package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The model an inference ran with. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferenceModel(String id) {
}
