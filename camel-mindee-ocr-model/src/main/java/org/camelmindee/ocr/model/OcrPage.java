package org.camelmindee.ocr.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page: its full text in reading order, and each word with its polygon. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrPage(String content, List<OcrWord> words) {

    public OcrPage {
        // clients fail on a page without a words array: always carry one, even empty
        words = words == null ? List.of() : List.copyOf(words);
    }
}
