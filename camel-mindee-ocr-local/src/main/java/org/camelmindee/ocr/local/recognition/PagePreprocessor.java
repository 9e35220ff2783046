package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;

import org.bytedeco.leptonica.PIX;

/**
 * Prepares a grey page for Tesseract: 2x upscaling of low-resolution pages (Tesseract wants capital letters of 20 to
 * 30 pixels), contrast normalisation of faint or unevenly lit pages ({@link PageLighting}), a median on speckled
 * pages, the quarter turns the reader asks for (a page lying sideways or upside down), then deskewing (a page turned
 * by a couple of degrees loses whole lines otherwise). Keeps track of it all in a {@link PageTransform} so that word
 * boxes land on the original page. Each step costs only a test on a page that does not need it.
 */
final class PagePreprocessor {

    // below this confidence Leptonica's skew estimate is noise (its own pixDeskew uses 3.0 too)
    private static final float MIN_SKEW_CONFIDENCE = 3.0f;
    private static final float MIN_SKEW_DEGREES = 0.15f;

    private final OcrSettings settings;

    PagePreprocessor(OcrSettings settings) {
        this.settings = settings;
    }

    /**
     * A page ready for recognition, and how to map its coordinates back. {@code pix} is the input itself when no step
     * changed it: {@link #release(PIX)} frees it only when it is a new image.
     */
    record Prepared(PIX pix, PageTransform transform) {

        /** Frees the prepared image unless it is {@code input}, which stays its owner's. */
        void release(PIX input) {
            if (pix != input) {
                pixDestroy(pix);
            }
        }
    }

    /**
     * Returns the prepared page, turned clockwise by {@code quarterTurns} (0 to 3, see {@link #quarterTurnsToUpright});
     * the input stays the caller's. No {@code pixClone} here: JavaCPP hands a clone back as the very Java object it was
     * made from, so destroying the clone nulled the caller's page, whose own destroy then did nothing, and every page
     * leaked (8.4 MB for a letter page at 300 dpi).
     */
    Prepared prepare(PIX gray, int quarterTurns) {
        int width = pixGetWidth(gray);
        int height = pixGetHeight(gray);
        PageTransform transform = PageTransform.identity(width, height);
        PIX current = gray;
        if (settings.upscaleBelowPixels() > 0 && Math.max(width, height) < settings.upscaleBelowPixels()) {
            PIX scaled = pixScaleGray2xLI(current);
            if (scaled != null) {
                current = replace(current, scaled, gray);
                transform = transform.scaled(2.0);
            }
        }
        if (settings.normalizeContrast() && PageLighting.needsNormalising(current)) {
            // each neighbourhood stretched to the full range (tiles of 50 px, smoothed): faint ink and shadows go
            PIX normalised = pixContrastNorm(null, current, 50, 50, 130, 2, 2);
            if (normalised != null) {
                current = replace(current, normalised, gray);
            }
        }
        if (settings.despeckleAbove() > 0) {
            PIX clean = despeckled(current, settings.despeckleAbove());
            if (clean != null) {
                current = replace(current, clean, gray);
            }
        }
        if (quarterTurns != 0) {
            PIX turned = pixRotateOrth(current, quarterTurns);
            if (turned != null) {
                current = replace(current, turned, gray);
                transform = transform.turned(quarterTurns);
            }
        }
        if (settings.deskew()) {
            float angle = skewDegrees(current);
            if (!Float.isNaN(angle)) {
                double radians = Math.toRadians(angle);
                PIX rotated = pixRotate(current, (float) radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
                if (rotated != null) {
                    current = replace(current, rotated, gray);
                    transform = transform.rotated(radians);
                }
            }
        }
        return new Prepared(current, transform);
    }

    // the step's result replaces the current image, which is freed unless it is the caller's input
    private static PIX replace(PIX current, PIX next, PIX input) {
        if (next == current) {
            return PixImages.consume(current, next); // a clone: give back the reference it took
        }
        if (current != input) {
            pixDestroy(current);
        }
        return next;
    }

    /**
     * A 3x3 median of the page when it is speckled (scanner dust, fax noise): isolated dark or light pixels would
     * otherwise be read as punctuation and break words. Null when the page is clean enough: the median would only
     * soften its strokes. Specks count only on paper: the grain of a dark table around a photographed receipt is not
     * noise on the document, and the median that smoothed it made Tesseract take the receipt for a picture (a clear
     * photo read as 2 words instead of 40).
     */
    static PIX despeckled(PIX gray, double threshold) {
        // specks are dark components of one to three pixels; JPEG texture and the dots of small print are not
        PIX binary = pixConvertTo1(gray, 128);
        if (binary == null) {
            return null;
        }
        PIX specks = pixSelectByArea(binary, 4, 8, L_SELECT_IF_LT, (int[]) null);
        pixDestroy(binary);
        if (specks == null) {
            return null;
        }
        double pixels = (double) pixGetWidth(gray) * pixGetHeight(gray);
        double share = count(specks) / pixels;
        if (share >= threshold) {
            // dark surroundings: where the page, averaged over 21x21 pixels, is darker than paper. Only now: the
            // average costs more than the rest of the test, and on a page with fewer specks than the threshold
            // in all (most pages) taking the dark ones away cannot change the answer
            PIX blurred = pixBlockconv(gray, PAPER_HALF_WINDOW, PAPER_HALF_WINDOW);
            PIX dark = blurred == null ? null : pixThresholdToBinary(blurred, PAPER_GREY);
            if (dark != null) {
                pixSubtract(specks, specks, dark);
                share = count(specks) / pixels;
            }
            pixDestroy(dark);
            pixDestroy(blurred);
        }
        pixDestroy(specks);
        lastSpeckleShare = share;
        return share < threshold ? null : MedianFilter.median3x3(gray);
    }

    private static long count(PIX binary) {
        int[] count = new int[1];
        pixCountPixels(binary, count, null);
        return count[0];
    }

    private static final int PAPER_HALF_WINDOW = 10;
    private static final int PAPER_GREY = 150;

    // for measuring the threshold (the share before the dark surroundings are taken away when it is under it); not
    // used by the server
    static volatile double lastSpeckleShare;

    /**
     * Clockwise quarter turns that bring the text of a prepared page upright: scans and phone pictures come sideways
     * or upside down, and Tesseract's automatic segmentation reads such a page as noise. Leptonica decides from the
     * shapes of ascenders and descenders (Latin text); 0 when it cannot decide with confidence. On the page's own
     * scale: Leptonica's detector, made for 150-300 dpi text, misjudges text scaled 2x (eurotext's 1024x800 page, read
     * upright at its size, was turned a quarter once scaled). It sees the page as prepared, deskewed included.
     */
    static int quarterTurnsToUpright(Prepared prepared) {
        if (prepared.transform().scale() <= 1) {
            return uprightQuarterTurns(prepared.pix());
        }
        PIX half = pixScaleAreaMap2(prepared.pix());
        if (half == null) {
            return 0;
        }
        try {
            return uprightQuarterTurns(half);
        } finally {
            pixDestroy(half);
        }
    }

    private static int uprightQuarterTurns(PIX gray) {
        PIX binary = pixConvertTo1(gray, 128);
        if (binary == null) {
            return 0;
        }
        // at full resolution: halving a 300-dpi page made the detector wrong on the real scan of the bill of lading
        try {
            float[] up = new float[1];
            float[] left = new float[1];
            int[] rotation = new int[1];
            PIX upright = pixOrientCorrect(binary, 0f, 0f, up, left, rotation, 0);
            pixDestroy(upright);
            return Math.floorMod(rotation[0] / 90, 4);
        } finally {
            pixDestroy(binary);
        }
    }

    /** The angle that straightens the page, or NaN when it is straight or the estimate is not trustworthy. */
    private static float skewDegrees(PIX gray) {
        PIX binary = pixConvertTo1(gray, 160);
        if (binary == null) {
            return Float.NaN;
        }
        try {
            float[] angle = new float[1];
            float[] confidence = new float[1];
            if (pixFindSkew(binary, angle, confidence) != 0) {
                return Float.NaN;
            }
            if (confidence[0] < MIN_SKEW_CONFIDENCE || Math.abs(angle[0]) < MIN_SKEW_DEGREES) {
                return Float.NaN;
            }
            return angle[0];
        } finally {
            pixDestroy(binary);
        }
    }
}
