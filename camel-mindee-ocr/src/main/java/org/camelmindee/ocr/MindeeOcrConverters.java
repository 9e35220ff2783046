package org.camelmindee.ocr;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Converter;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.output.ReadingOrderText;

/**
 * Lets a result go wherever text goes: {@code convertBodyTo(String.class)}, {@code to("file:...")}. The text is each
 * page's content (rebuilt from the word polygons for a page that has words and no content), pages separated by a form
 * feed: {@link ReadingOrderText}.
 */
@Converter(generateLoader = true)
public final class MindeeOcrConverters {

    private MindeeOcrConverters() {
    }

    @Converter
    public static String toString(OcrResponse response) {
        return ReadingOrderText.of(response);
    }

    @Converter
    public static byte[] toBytes(OcrResponse response) {
        return toString(response).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public static InputStream toInputStream(OcrResponse response) {
        return new ByteArrayInputStream(toBytes(response));
    }
}
