package org.camelmindee.ocr;

/** The body a result becomes. */
public enum MindeeOcrResultFormat {
    /** The typed {@link org.camelmindee.ocr.model.OcrResponse}; converts to the text on demand. */
    object,
    /** The API's JSON, unchanged, as a String. */
    json,
    /** The document's text: pages' content joined by a form feed. */
    text
}
