package org.camelmindee.ocr.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;
import org.junit.jupiter.api.Test;

class ReadingOrderTest {

    @Test
    void columnsAreReadOneAfterTheOtherNotAcrossThePage() {
        List<OcrWord> words = new ArrayList<>();
        // given out of order, as nothing promises the API's order
        words.add(word("right", 0.55, 0.30));
        words.add(word("column", 0.60, 0.30));
        words.add(word("Title", 0.10, 0.10));
        words.add(word("of", 0.15, 0.10));
        words.add(word("page", 0.20, 0.10));
        words.add(word("left", 0.10, 0.30));
        words.add(word("one", 0.15, 0.30));
        words.add(word("left", 0.10, 0.33));
        words.add(word("two", 0.15, 0.33));
        words.add(word("again", 0.55, 0.33));

        PageLayout layout = ReadingOrder.layout(words);

        assertEquals("Title of page\n\nleft one\nleft two\n\nright column\nagain", layout.text());
        assertEquals(10, layout.wordCount());
    }

    @Test
    void theApiContentIsKeptAndAPageWithoutItIsRebuilt() {
        List<OcrWord> words = List.of(word("b", 0.15, 0.1), word("a", 0.1, 0.1));
        assertEquals("as given", ReadingOrderText.of(new OcrPage("as given", words)));
        assertEquals("a b", ReadingOrderText.of(new OcrPage("", words)));
        assertEquals("a b", ReadingOrderText.of(new OcrPage(null, words)));
    }

    @Test
    void wordsWithoutTextOrPlaceAreLeftOut() {
        List<OcrWord> words = List.of(word(" ", 0.1, 0.1), new OcrWord("nowhere", List.of()), word("here", 0.2, 0.2));
        assertEquals("here", ReadingOrder.layout(words).text());
    }

    /** A word 0.04 of the page wide and 0.02 high, its top left at (x, y): 0.05 apart is the next word. */
    static OcrWord word(String text, double x, double y) {
        return new OcrWord(text, List.of(new Point(x, y), new Point(x + 0.04, y), new Point(x + 0.04, y + 0.02),
                new Point(x, y + 0.02)));
    }
}
