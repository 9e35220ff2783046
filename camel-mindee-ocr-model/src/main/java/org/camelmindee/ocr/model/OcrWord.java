package org.camelmindee.ocr.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One word and where it stands: a polygon of at least three points relative to the page (0..1), clockwise from the
 * top left.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrWord(String content, List<Point> polygon) {

    public OcrWord {
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
    }
}
