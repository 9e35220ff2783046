package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One OCR inference: which job and model made it, the file it read, and the result. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrInference(String id, InferenceJob job, InferenceModel model, InferenceFile file, OcrResult result) {
}
