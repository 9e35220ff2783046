package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The status of a {@link Job}, spelled as the API spells it. */
public enum JobStatus {
    PROCESSING("Processing"),
    PROCESSED("Processed"),
    FAILED("Failed");

    private final String value;

    JobStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static JobStatus fromValue(String value) {
        for (JobStatus status : values()) {
            if (status.value.equalsIgnoreCase(value)) {
                return status;
            }
        }
        // a status added later by the API is still work in progress for us: keep polling until the deadline
        return PROCESSING;
    }

    @Override
    public String toString() {
        return value;
    }
}
