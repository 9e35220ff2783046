package org.camelmindee.ocr.api;

import org.camelmindee.ocr.model.OcrResponse;

/** A result both ways: as parsed, and the API's JSON as received (for {@code resultFormat=json}). */
public record ResultWithJson(OcrResponse response, byte[] json) {
}
