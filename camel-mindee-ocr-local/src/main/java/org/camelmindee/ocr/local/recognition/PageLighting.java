package org.camelmindee.ocr.local.recognition;

import java.util.Arrays;

import org.bytedeco.leptonica.PIX;

/**
 * Tells, from its {@link GreyTiles}, a page that needs its contrast normalised before binarisation: a photo lit unevenly (the paper's grey
 * changes across the page) or a faint print (thermal receipts, pale blue ink: the darkest strokes are mid-grey). On
 * such pages Sauvola loses text whose local contrast is low; Leptonica's contrast normalisation stretches each
 * neighbourhood to the full range first. A clean scan is left as it is: normalising it costs a little accuracy.
 */
final class PageLighting {

    // a tile has text in it when its 5th and 95th percentiles are this far apart
    private static final int MIN_CONTRAST = 48;
    // text whose darkest strokes are lighter than this is faint
    private static final int FAINT_INK = 110;
    // the share of text tiles with faint ink that makes a page faint
    private static final double FAINT_SHARE = 0.3;
    // the paper is unevenly lit when its lighter tiles and darker tiles differ by this much
    private static final int UNEVEN_PAPER = 60;

    private PageLighting() {
    }

    /** True when the page's contrast should be normalised: faint ink, or paper lit unevenly. */
    static boolean needsNormalising(PIX gray) {
        return needsNormalising(GreyTiles.of(gray));
    }

    static boolean needsNormalising(GreyTiles tiles) {
        int count = tiles.rows() * tiles.cols();
        int[] paper = new int[count];
        int papers = 0;
        int textTiles = 0;
        int faintTiles = 0;
        for (int t = 0; t < count; t++) {
            int low = tiles.low()[t];
            int median = tiles.median()[t];
            int high = tiles.high()[t];
            if (median >= 128) { // paper (a dark region is not paper)
                paper[papers++] = high;
            }
            if (high - low >= MIN_CONTRAST && high - median < median - low) { // dark text on light paper
                textTiles++;
                if (tiles.darkest()[t] > FAINT_INK) {
                    faintTiles++;
                }
            }
        }
        if (textTiles > 0 && faintTiles >= FAINT_SHARE * textTiles) {
            return true;
        }
        if (papers < 8) {
            return false;
        }
        Arrays.sort(paper, 0, papers);
        return paper[papers * 9 / 10] - paper[papers / 10] >= UNEVEN_PAPER;
    }
}
