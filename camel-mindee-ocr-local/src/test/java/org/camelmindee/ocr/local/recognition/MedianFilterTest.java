package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.bytedeco.leptonica.PIX;
import org.junit.jupiter.api.Test;

/** The Java median gives Leptonica's pixels, with a width that is not a multiple of four (the last word's padding). */
class MedianFilterTest {

    @Test
    void givesTheSamePixelsAsLeptonicasMedian() {
        PIX page = pixCreate(403, 211, 8);
        pixSetResolution(page, 300, 300);
        Random random = new Random(11);
        for (int y = 0; y < 211; y++) {
            for (int x = 0; x < 403; x++) {
                pixSetPixel(page, x, y, random.nextInt(4) == 0 ? random.nextInt(256) : 230);
            }
        }
        PIX leptonica = pixMedianFilter(page, 3, 3);
        PIX java = MedianFilter.median3x3(page);
        try {
            int[] same = new int[1];
            pixEqual(leptonica, java, same);
            assertEquals(1, same[0], "the two medians differ");
            assertEquals(300, pixGetXRes(java));
        } finally {
            pixDestroy(leptonica);
            pixDestroy(java);
            pixDestroy(page);
        }
    }

    @Test
    void refusesWhatIsNotEightBitGrey() {
        PIX binary = pixCreate(10, 10, 1);
        try {
            assertNull(MedianFilter.median3x3(binary));
        } finally {
            pixDestroy(binary);
        }
    }
}
