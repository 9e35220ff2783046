package org.camelmindee.ocr;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookFailure;
import org.camelmindee.ocr.output.ReadingOrderText;

/**
 * Puts Mindee's answers on a Camel message: the body as {@code resultFormat} says, and the headers. The producer and the
 * webhook consumer both use it, so that a result looks the same whichever way it came.
 */
final class MindeeOcrBinding {

    private final MindeeOcrResultFormat format;
    private final boolean pdfA;

    MindeeOcrBinding(MindeeOcrResultFormat format, boolean pdfA) {
        this.format = format;
        this.pdfA = pdfA;
    }

    /** A result, its body made here: fine for every format but those that use the original. */
    void setResult(Message message, OcrResponse response, byte[] json) {
        setResult(message, response, body(message.getExchange(), response, json, null));
    }

    /** A result with the body already made by {@link #body}. */
    void setResult(Message message, OcrResponse response, Object body) {
        message.setBody(body);
        setResultHeaders(message, response);
    }

    /** Whether the body is made from the original document too, and takes time (the producer makes it off its I/O). */
    boolean usesOriginal() {
        return format.usesOriginal();
    }

    /**
     * The body {@code resultFormat} asks for: the typed result, the API's JSON as a String, the text in reading order,
     * or a body made with the original ({@link MindeeOcrOutputs}).
     *
     * @param original the original document, or null when there is none
     */
    Object body(Exchange exchange, OcrResponse response, byte[] json, Path original) {
        return switch (format) {
            case json -> new String(json, StandardCharsets.UTF_8);
            case text -> ReadingOrderText.of(response);
            case searchablePdf, hocr, alto -> MindeeOcrOutputs.body(format, response, original, pdfA, exchange);
            default -> response;
        };
    }

    /** A failed inference from a webhook: the failure, or the JSON as sent for the other formats. */
    void setFailure(Message message, WebhookFailure failure, byte[] json) {
        message.setBody(format == MindeeOcrResultFormat.object ? failure : new String(json, StandardCharsets.UTF_8));
        message.setHeader(MindeeOcrConstants.INFERENCE_ID, failure.inferenceId());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, "Failed");
        message.setHeader(MindeeOcrConstants.ALIAS, failure.fileAlias());
        message.setHeader(MindeeOcrConstants.FILENAME, failure.fileName());
    }

    private static void setResultHeaders(Message message, OcrResponse response) {
        OcrInference inference = response.inference();
        if (inference == null) {
            return;
        }
        message.setHeader(MindeeOcrConstants.INFERENCE_ID, inference.id());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, JobStatus.PROCESSED.value());
        if (inference.job() != null) {
            message.setHeader(MindeeOcrConstants.JOB_ID, inference.job().id());
        }
        InferenceFile file = inference.file();
        if (file != null) {
            message.setHeader(MindeeOcrConstants.PAGE_COUNT, file.pageCount() > 0 ? file.pageCount() : response.pageCount());
            message.setHeader(MindeeOcrConstants.MIME_TYPE, file.mimeType());
            message.setHeader(MindeeOcrConstants.ALIAS, file.alias());
            message.setHeader(MindeeOcrConstants.FILENAME, file.name());
        } else {
            message.setHeader(MindeeOcrConstants.PAGE_COUNT, response.pageCount());
        }
    }

    /** The headers of a job: its id and status, and what it already tells of the document and the result. */
    static void setJobHeaders(Message message, Job job) {
        if (job == null) {
            return;
        }
        message.setHeader(MindeeOcrConstants.JOB_ID, job.id());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, job.status() == null ? null : job.status().value());
        if (job.alias() != null) {
            message.setHeader(MindeeOcrConstants.ALIAS, job.alias());
        }
        if (job.filename() != null) {
            message.setHeader(MindeeOcrConstants.FILENAME, job.filename());
        }
        if (job.resultUrl() != null) {
            message.setHeader(MindeeOcrConstants.INFERENCE_ID, lastSegment(job.resultUrl()));
        }
    }

    /** The last segment of a URL's path: the id in a {@code result_url}. */
    static String lastSegment(String url) {
        if (url == null) {
            return null;
        }
        String path = URI.create(url).getPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
