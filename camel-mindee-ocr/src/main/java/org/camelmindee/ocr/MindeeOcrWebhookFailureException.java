package org.camelmindee.ocr;

import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.WebhookFailure;

/**
 * A failed inference reported by a webhook. It is a {@link MindeeOcrException}, the type the producer raises for a
 * failed job, so that one {@code onException(MindeeOcrException.class)} or one dead letter channel handles both; it
 * adds what the failure payload tells and a job does not: the inference id and the model.
 */
public class MindeeOcrWebhookFailureException extends MindeeOcrException {

    private final transient WebhookFailure failure;

    public MindeeOcrWebhookFailureException(WebhookFailure failure) {
        super(message(failure), failure.error(), null, failure.fileAlias());
        this.failure = failure;
    }

    /** The id of the inference that failed. */
    public String getInferenceId() {
        return failure.inferenceId();
    }

    public String getModelId() {
        return failure.modelId();
    }

    /** The file name Mindee recorded for the document. */
    public String getFilename() {
        return failure.fileName();
    }

    /** The webhook's payload, as parsed. */
    public WebhookFailure getFailure() {
        return failure;
    }

    private static String message(WebhookFailure failure) {
        StringBuilder sb = new StringBuilder("Mindee could not read ");
        sb.append(failure.fileName() == null ? "the document" : "'" + failure.fileName() + "'");
        if (failure.fileAlias() != null) {
            sb.append(" (alias '").append(failure.fileAlias()).append("')");
        }
        sb.append(", inference ").append(failure.inferenceId()).append(": ");
        sb.append(failure.error() == null ? "no problem document given" : describe(failure.error()));
        return sb.toString();
    }
}
