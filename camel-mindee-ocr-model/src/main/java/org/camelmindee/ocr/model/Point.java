package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A point relative to the page, {@code [x, y]} in the JSON, both in 0..1 from the top left. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "x", "y" })
public record Point(double x, double y) {
}
