package org.camelmindee.ocr.local.http;

/** The one OCR model this server has, as {@code GET /v2/search/models} lists it and enqueue checks it. */
public final class LocalModel {

    /** Its id: pass it as {@code model_id}. Fixed, so that it can be configured. */
    public static final String ID = "4c6f6361-6c2d-4f43-a252-746573736572";
    /** The name it is listed under. */
    public static final String NAME = "Local OCR (Tesseract)";

    private LocalModel() {
    }
}
