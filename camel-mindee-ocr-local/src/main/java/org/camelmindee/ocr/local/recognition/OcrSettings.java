package org.camelmindee.ocr.local.recognition;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How Tesseract reads a page. The defaults are what measured best on scanned forms, photos and rendered pages
 * (see docs/local-engine.md); the other values are there to measure against.
 *
 * @param tessdataDir       a directory of {@code *.traineddata}; null for the English model bundled in the tess4j jar
 * @param languages         Tesseract languages, {@code eng} or {@code eng+deu} ...
 * @param pageSegMode       Tesseract's page segmentation mode (3 automatic, 11 sparse text, ...)
 * @param deskew            find the skew of the page (Leptonica) and straighten it before recognition
 * @param upscaleBelowPixels scale a page 2x when its longer side has fewer pixels than this (low-dpi scans); 0 never
 * @param thresholding      Tesseract's binarisation: 0 Otsu, 1 Leptonica adaptive Otsu, 2 Sauvola
 * @param minWordConfidence drop words whose confidence (0..100) is below this: noise read as text
 * @param despeckleAbove     median-filter a page when this share of its pixels are specks (0 never)
 * @param detectOrientation  turn pages lying sideways or upside down upright (Leptonica, Latin text)
 * @param invertDarkRegions  read again, inverted, the regions whose background is darker than their text
 * @param normalizeContrast  normalise the contrast of faint or unevenly lit pages before binarisation
 */
public record OcrSettings(
        Path tessdataDir,
        String languages,
        int pageSegMode,
        boolean deskew,
        int upscaleBelowPixels,
        int thresholding,
        float minWordConfidence,
        double despeckleAbove,
        boolean detectOrientation,
        boolean invertDarkRegions,
        boolean normalizeContrast) {

    public static OcrSettings defaults() {
        return new OcrSettings(null, "eng", 3, true, 1400, 2, 10f, 0.001, true, true, true);
    }

    public OcrSettings withTessdataDir(Path dir) {
        return copy(c -> c.tessdataDir = dir);
    }

    public OcrSettings withLanguages(String langs) {
        return copy(c -> c.languages = langs);
    }

    public OcrSettings withPageSegMode(int psm) {
        return copy(c -> c.pageSegMode = psm);
    }

    public OcrSettings withDeskew(boolean on) {
        return copy(c -> c.deskew = on);
    }

    public OcrSettings withUpscaleBelowPixels(int pixels) {
        return copy(c -> c.upscaleBelowPixels = pixels);
    }

    public OcrSettings withThresholding(int method) {
        return copy(c -> c.thresholding = method);
    }

    public OcrSettings withMinWordConfidence(float min) {
        return copy(c -> c.minWordConfidence = min);
    }

    public OcrSettings withDespeckleAbove(double share) {
        return copy(c -> c.despeckleAbove = share);
    }

    public OcrSettings withDetectOrientation(boolean on) {
        return copy(c -> c.detectOrientation = on);
    }

    public OcrSettings withInvertDarkRegions(boolean on) {
        return copy(c -> c.invertDarkRegions = on);
    }

    public OcrSettings withNormalizeContrast(boolean on) {
        return copy(c -> c.normalizeContrast = on);
    }

    private OcrSettings copy(Consumer<Copy> change) {
        Copy copy = new Copy();
        change.accept(copy);
        return copy.settings();
    }

    /**
     * These settings as fields to change: the withers name the one they change, and only here are the eleven
     * arguments, several of the same type, given in the record's order.
     */
    private final class Copy {
        Path tessdataDir = OcrSettings.this.tessdataDir;
        String languages = OcrSettings.this.languages;
        int pageSegMode = OcrSettings.this.pageSegMode;
        boolean deskew = OcrSettings.this.deskew;
        int upscaleBelowPixels = OcrSettings.this.upscaleBelowPixels;
        int thresholding = OcrSettings.this.thresholding;
        float minWordConfidence = OcrSettings.this.minWordConfidence;
        double despeckleAbove = OcrSettings.this.despeckleAbove;
        boolean detectOrientation = OcrSettings.this.detectOrientation;
        boolean invertDarkRegions = OcrSettings.this.invertDarkRegions;
        boolean normalizeContrast = OcrSettings.this.normalizeContrast;

        OcrSettings settings() {
            return new OcrSettings(tessdataDir, languages, pageSegMode, deskew, upscaleBelowPixels, thresholding,
                    minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
        }
    }
}
