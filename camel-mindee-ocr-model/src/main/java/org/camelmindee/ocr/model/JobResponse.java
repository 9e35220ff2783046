package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The envelope of the enqueue and job routes: {@code {"job": {...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResponse(Job job) {
}
