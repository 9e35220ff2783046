package org.camelmindee.ocr.output;

import java.util.stream.Collectors;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrResult;

/**
 * The text of a result in reading order: each page's {@code content} as the API gives it (Mindee and the local engine
 * both write it in reading order), or, for a page that has words but no content, the text rebuilt from the word
 * polygons by {@link ReadingOrder}. Pages are separated by a form feed.
 */
public final class ReadingOrderText {

    private ReadingOrderText() {
    }

    public static String of(OcrResponse response) {
        if (response.inference() == null || response.inference().result() == null) {
            return "";
        }
        return response.inference().result().pages().stream().map(ReadingOrderText::of)
                .collect(Collectors.joining(OcrResult.PAGE_SEPARATOR));
    }

    public static String of(OcrPage page) {
        if (page.content() != null && !page.content().isBlank()) {
            return page.content();
        }
        return PageLayout.of(page).text();
    }
}
