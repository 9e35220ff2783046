package org.camelmindee.ocr.model;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The pages an OCR inference read, in document order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OcrResult(List<OcrPage> pages) {

    /** Separates pages in {@link #text()}, as a printer would. */
    public static final String PAGE_SEPARATOR = "\f";

    public OcrResult {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public String text() {
        return pages.stream().map(p -> p.content() == null ? "" : p.content())
                .collect(Collectors.joining(PAGE_SEPARATOR));
    }

    public int wordCount() {
        return pages.stream().mapToInt(p -> p.words().size()).sum();
    }
}
