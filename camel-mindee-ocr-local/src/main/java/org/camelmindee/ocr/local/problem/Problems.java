package org.camelmindee.ocr.local.problem;

import java.util.List;

import org.camelmindee.ocr.model.ErrorItem;
import org.camelmindee.ocr.model.ErrorResponse;

/**
 * The problem documents the server answers. The 401 codes and {@code 422-001} are Mindee's own (see the shared test
 * data); the others follow the same {@code <status>-<number>} pattern and are this engine's.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponse missingCredentials() {
        return new ErrorResponse(401, "Missing credentials", "Credentials are required.", "401-008");
    }

    public static ErrorResponse invalidApiKey() {
        return new ErrorResponse(401, "Invalid API key", "The provided API key is invalid.", "401-001");
    }

    public static ErrorResponse bearerNotAccepted() {
        return new ErrorResponse(401, "Invalid authorization header",
                "Send the API key as is in the Authorization header, without the 'Bearer ' prefix.", "401-009");
    }

    public static ErrorResponse invalidFields(List<ErrorItem> errors) {
        return new ErrorResponse(422, "Invalid fields in form", "One or more fields failed validation.", "422-001", errors);
    }

    public static ErrorResponse invalidField(String field, String detail) {
        return invalidFields(List.of(new ErrorItem("#/" + field, detail)));
    }

    public static ErrorResponse badRequest(String detail) {
        return new ErrorResponse(400, "Bad request", detail, "400-001");
    }

    public static ErrorResponse notFound(String detail) {
        return new ErrorResponse(404, "Not found", detail, "404-001");
    }

    public static ErrorResponse methodNotAllowed(String method) {
        return new ErrorResponse(405, "Method not allowed", "The method " + method + " is not allowed on this route.",
                "405-001");
    }

    public static ErrorResponse tooManyRequests(String detail) {
        return new ErrorResponse(429, "Too many requests", detail, "429-001");
    }

    public static ErrorResponse queueFull(int capacity) {
        return new ErrorResponse(429, "Too many requests",
                "The processing queue is full (" + capacity + " documents waiting): retry later.", "429-002");
    }

    /** A document that could not be read: unsupported, corrupt, encrypted. The job fails with this problem. */
    public static ErrorResponse unreadableDocument(String detail) {
        return new ErrorResponse(422, "Unprocessable file", detail, "422-002");
    }

    /** In {@code job.error}: the document passes one of the server's limits (pages, pixels); the detail names it. */
    public static ErrorResponse documentOverLimit(String detail) {
        return new ErrorResponse(422, "Document over the server's limits", detail, "422-004");
    }

    public static ErrorResponse urlDownloadFailed(String detail) {
        return new ErrorResponse(422, "File download failed", detail, "422-003");
    }

    public static ErrorResponse inferenceTimeout(long seconds) {
        return new ErrorResponse(500, "Processing timed out",
                "The inference did not finish within " + seconds + " seconds.", "500-002");
    }

    /** In a job's {@code webhooks[].error}: the webhook URL could not be reached. */
    public static ErrorResponse webhookUnreachable(String failure) {
        return new ErrorResponse(502, "Webhook delivery failed", "The webhook URL could not be reached (" + failure
                + ").", "502-001");
    }

    /** In a job's {@code webhooks[].error}: the webhook URL answered with a status other than 2xx. */
    public static ErrorResponse webhookRefused(int status) {
        return new ErrorResponse(502, "Webhook delivery failed", "The webhook URL answered HTTP " + status + ".",
                "502-002");
    }

    /** The request body passed the server's size limit (declared, or while it was being received). */
    public static ErrorResponse requestTooLarge(String detail) {
        return new ErrorResponse(413, "Request too large", detail, "413-001");
    }

    /** The request body did not arrive within the server's request timeout. */
    public static ErrorResponse requestTimeout(long seconds) {
        return new ErrorResponse(408, "Request timeout", "The request body did not arrive within " + seconds
                + " seconds (option requestTimeout / --request-timeout).", "408-001");
    }

    public static ErrorResponse internalError(String detail) {
        return new ErrorResponse(500, "Internal server error", detail, "500-001");
    }
}
