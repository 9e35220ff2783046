package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The job an inference belongs to (the API's {@code BaseJob}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferenceJob(String id) {
}
