package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetDepth;
import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;

import java.util.Arrays;

import org.bytedeco.leptonica.PIX;

/**
 * A grey page cut into square tiles of {@link #TILE} pixels, each summed up by three percentiles of its grey levels:
 * what {@link InvertedRegions} and {@link PageLighting} decide from. Every second pixel of every second row is
 * counted: a quarter of the work, the same percentiles.
 *
 * @param rows      tiles down the page
 * @param cols      tiles across
 * @param darkest   per tile (row-major), the 1st percentile: the darkest strokes
 * @param low       the 5th percentile
 * @param median    the median: the tile's background
 * @param high      the 95th percentile
 */
record GreyTiles(int rows, int cols, int[] darkest, int[] low, int[] median, int[] high) {

    /** Tiles of this many pixels: about a line of text at 300 dpi, after the engine's upscaling of small pages. */
    static final int TILE = 32;

    /** Grey level (0 black .. 255 white) of a pixel. */
    interface Raster {
        int grey(int x, int y);
    }

    /** The tiles of an 8-bit grey PIX; none for another depth. */
    static GreyTiles of(PIX gray) {
        if (pixGetDepth(gray) != 8) {
            return of(0, 0, (x, y) -> 255);
        }
        int width = pixGetWidth(gray);
        int height = pixGetHeight(gray);
        int wpl = pixGetWpl(gray);
        int[] words = new int[wpl * height];
        pixGetData(gray).get(words);
        // Leptonica keeps 8-bit pixels most significant byte first within each 32-bit word
        return of(width, height, (x, y) -> (words[y * wpl + (x >> 2)] >>> (24 - 8 * (x & 3))) & 0xff);
    }

    static GreyTiles of(int width, int height, Raster raster) {
        int cols = width / TILE;
        int rows = height / TILE;
        int tiles = rows * cols;
        int[] darkest = new int[tiles];
        int[] low = new int[tiles];
        int[] median = new int[tiles];
        int[] high = new int[tiles];
        int[] histogram = new int[256];
        int n = (TILE / 2) * (TILE / 2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Arrays.fill(histogram, 0);
                for (int y = r * TILE; y < (r + 1) * TILE; y += 2) {
                    for (int x = c * TILE; x < (c + 1) * TILE; x += 2) {
                        histogram[raster.grey(x, y)]++;
                    }
                }
                int t = r * cols + c;
                darkest[t] = percentile(histogram, n / 100);
                low[t] = percentile(histogram, n / 20);
                median[t] = percentile(histogram, n / 2);
                high[t] = percentile(histogram, n - n / 20);
            }
        }
        return new GreyTiles(rows, cols, darkest, low, median, high);
    }

    private static int percentile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }
}
