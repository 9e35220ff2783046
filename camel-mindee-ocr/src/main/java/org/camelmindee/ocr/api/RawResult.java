package org.camelmindee.ocr.api;

import org.camelmindee.ocr.model.OcrResponse;

/** A result as parsed, with the API's JSON kept for {@code resultFormat=json}. */
public record RawResult(OcrResponse response, byte[] json) {
}
