package org.camelmindee.ocr.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An RFC 9457 problem document as the API sends it: every field is kept, {@code code} and {@code errors} included. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(int status, String title, String detail, String code, List<ErrorItem> errors) {

    public ErrorResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ErrorResponse(int status, String title, String detail, String code) {
        this(status, title, detail, code, List.of());
    }
}
