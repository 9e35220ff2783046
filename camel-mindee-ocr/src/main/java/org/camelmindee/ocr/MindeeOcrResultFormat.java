package org.camelmindee.ocr;

/** The body a result becomes. */
public enum MindeeOcrResultFormat {
    /** The typed {@link org.camelmindee.ocr.model.OcrResponse}; converts to the text on demand. */
    object,
    /** The API's JSON, unchanged, as a String. */
    json,
    /**
     * The document's text in reading order: each page's content, pages separated by a form feed; a page with words but
     * no content gets its text rebuilt from the word polygons.
     */
    text,
    /**
     * The original document with an invisible text layer at each word (PDF bytes as a stream cache). Needs the
     * original: the producer's own document, {@code getResult}'s body, the webhook consumer's
     * {@code originalsDirectory}.
     */
    searchablePdf,
    /** hOCR (XHTML) as a String, in pixels of each page; page sizes from the original when there is one. */
    hocr,
    /** ALTO 4 XML as a String, in pixels of each page; page sizes from the original when there is one. */
    alto;

    /** Whether the body is made from the original document as well as the result. */
    boolean usesOriginal() {
        return this == searchablePdf || this == hocr || this == alto;
    }
}
