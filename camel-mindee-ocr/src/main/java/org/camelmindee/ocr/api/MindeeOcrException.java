package org.camelmindee.ocr.api;

import java.util.List;

import org.camelmindee.ocr.model.ErrorItem;
import org.camelmindee.ocr.model.ErrorResponse;

/**
 * A problem reported by the Mindee API (an RFC 9457 document, every field kept), a failed job, or an answer that could
 * not be understood. Carries the job id and alias when known, so that a job can still be fetched or a document
 * re-sent on purpose. Unchecked, as the AWS SDK's exceptions that Camel's AWS components rethrow: it travels through
 * the client's futures and reaches the route's error handler as itself.
 */
public class MindeeOcrException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final String code;
    private final List<ErrorItem> errors;
    private final String jobId;
    private final String alias;

    public MindeeOcrException(String message, ErrorResponse problem, String jobId, String alias, Throwable cause) {
        super(message, cause);
        this.status = problem == null ? 0 : problem.status();
        this.title = problem == null ? null : problem.title();
        this.detail = problem == null ? null : problem.detail();
        this.code = problem == null ? null : problem.code();
        this.errors = problem == null ? List.of() : problem.errors();
        this.jobId = jobId;
        this.alias = alias;
    }

    public MindeeOcrException(String message, ErrorResponse problem, String jobId, String alias) {
        this(message, problem, jobId, alias, null);
    }

    public MindeeOcrException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    public MindeeOcrException(String message) {
        this(message, null, null, null, null);
    }

    /** Describes a problem document in one line: status, code, title, detail and each field error. */
    public static String describe(ErrorResponse problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(problem.status());
        if (problem.code() != null) {
            sb.append(" [").append(problem.code()).append(']');
        }
        if (problem.title() != null) {
            sb.append(' ').append(problem.title());
        }
        if (problem.detail() != null) {
            sb.append(": ").append(problem.detail());
        }
        for (ErrorItem item : problem.errors()) {
            sb.append(" (").append(item.pointer()).append(": ").append(item.detail()).append(')');
        }
        return sb.toString();
    }

    /** The HTTP status of the problem, 0 when there was no answer. */
    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    /** Mindee's machine-readable code, such as {@code 422-001}. */
    public String getCode() {
        return code;
    }

    public List<ErrorItem> getErrors() {
        return errors;
    }

    public String getJobId() {
        return jobId;
    }

    public String getAlias() {
        return alias;
    }
}
