package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The OCR result: the answer of the result route and the body of a successful webhook,
 * {@code {"inference": {...}}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrResponse(OcrInference inference) {

    /** The text of the document: each page's content, pages separated by a form feed. */
    public String text() {
        return inference == null || inference.result() == null ? "" : inference.result().text();
    }

    public int pageCount() {
        return inference == null || inference.result() == null ? 0 : inference.result().pages().size();
    }

    public int wordCount() {
        return inference == null || inference.result() == null ? 0 : inference.result().wordCount();
    }
}
