package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.bytedeco.leptonica.PIX;
import org.junit.jupiter.api.Test;

/**
 * The median filter is for specks on the document (fax noise, scanner dust), not for the grain of a dark table
 * around a photographed receipt: smoothing that made Tesseract take a clear receipt photo for a picture.
 */
class SpecksOnPaperTest {

    private static final int SIZE = 600;

    @Test
    void specksOnWhitePaperAreFiltered() {
        PIX page = whitePage();
        sprinkle(page, 0, SIZE, 0.003);
        assertFiltered(page, true);
    }

    @Test
    void grainOfADarkTableAroundCleanPaperIsNotFiltered() {
        // a white sheet in the middle third, the rest a grainy dark grey with lighter and darker pixels
        PIX page = whitePage();
        Random random = new Random(7);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (x < SIZE / 3 || x >= 2 * SIZE / 3) {
                    pixSetPixel(page, x, y, 70 + random.nextInt(120));
                }
            }
        }
        assertFiltered(page, false);
    }

    private static void assertFiltered(PIX page, boolean expected) {
        PIX filtered = PagePreprocessor.despeckled(page, OcrSettings.defaults().despeckleAbove());
        try {
            assertEquals(expected, filtered != null, "share of specks counted: " + PagePreprocessor.lastSpeckleShare);
        } finally {
            pixDestroy(filtered);
            pixDestroy(page);
        }
    }

    private static PIX whitePage() {
        PIX page = pixCreate(SIZE, SIZE, 8);
        pixSetAllArbitrary(page, 255);
        return page;
    }

    /** Isolated black pixels on the columns from..to, about this share of the page. */
    private static void sprinkle(PIX page, int from, int to, double share) {
        Random random = new Random(3);
        int count = (int) (share * SIZE * SIZE);
        for (int i = 0; i < count; i++) {
            pixSetPixel(page, from + random.nextInt(to - from), random.nextInt(SIZE), 0);
        }
    }
}
