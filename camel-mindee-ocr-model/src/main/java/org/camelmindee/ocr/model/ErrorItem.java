package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One explicit detail of a problem: a JSON pointer to the offending field and what is wrong with it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorItem(String pointer, String detail) {
}
