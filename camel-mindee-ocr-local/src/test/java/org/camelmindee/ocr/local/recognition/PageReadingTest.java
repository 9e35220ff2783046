package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** When a first reading sends the page to the orientation detector, and which of two readings is kept. */
class PageReadingTest {

    private static final PageTransform PAGE = PageTransform.identity(1000, 1000);

    @Test
    void confidentHorizontalWordsAreNotDoubtful() {
        PageReading upright = reading(word("Invoice", 95, false), word("total", 90, false), word("12.50", 40, false));
        assertFalse(upright.doubtful());
    }

    @Test
    void mostlyUnsureWordsOrNoneAreDoubtful() {
        assertTrue(reading(word("lnvo1ce", 30, false), word("tota!", 55, false), word("ok", 95, false)).doubtful());
        assertTrue(reading().doubtful());
    }

    @Test
    void linesRunningDownThePageAreDoubtfulHoweverConfident() {
        PageReading sideways = reading(word("Invoice", 95, true), word("total", 95, true), word("to", 95, false));
        assertTrue(sideways.vertical());
        assertTrue(sideways.doubtful());
    }

    @Test
    void theBetterReadingIsHorizontalThenTheMoreConfident() {
        PageReading sideways = reading(word("Invoice", 95, true), word("total", 95, true));
        PageReading turned = reading(word("Invoice", 90, false));
        assertSame(turned, sideways.better(turned));
        PageReading garbled = reading(word("ecioyul", 20, false));
        assertSame(turned, garbled.better(turned));
        assertSame(turned, turned.better(garbled));
        assertSame(turned, turned.better(reading(word("Invoice", 90, false)))); // a tie keeps the first
    }

    private static PageReading reading(RecognizedWord... words) {
        return new PageReading(List.of(words), PAGE);
    }

    /** A word at the top left, wider than high, or higher than wide when it stands on a vertical line. */
    private static RecognizedWord word(String text, float confidence, boolean vertical) {
        int length = 20 * text.length();
        return vertical ? new RecognizedWord(text, confidence, false, 0, 0, 30, length)
                : new RecognizedWord(text, confidence, false, 0, 0, length, 30);
    }
}
