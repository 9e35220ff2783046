package org.camelmindee.ocr.api;

/** The job was not done by the {@code pollTimeout} deadline; it may still finish and be fetched by its job id. */
public class MindeeOcrTimeoutException extends MindeeOcrException {

    public MindeeOcrTimeoutException(String message, String jobId, String alias) {
        super(message, null, jobId, alias);
    }
}
