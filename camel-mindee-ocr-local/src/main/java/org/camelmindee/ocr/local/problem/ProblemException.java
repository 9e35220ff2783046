package org.camelmindee.ocr.local.problem;

import org.camelmindee.ocr.model.ErrorResponse;

/** A failure that the API reports as an RFC 9457 problem document, at the HTTP level or in a failed job. */
public class ProblemException extends RuntimeException {

    private final transient ErrorResponse problem;

    public ProblemException(ErrorResponse problem) {
        this(problem, null);
    }

    public ProblemException(ErrorResponse problem, Throwable cause) {
        super(problem.status() + " " + problem.code() + ": " + problem.detail(), cause);
        this.problem = problem;
    }

    public ErrorResponse problem() {
        return problem;
    }
}
