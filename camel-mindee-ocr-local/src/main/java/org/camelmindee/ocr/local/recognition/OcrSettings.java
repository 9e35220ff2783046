package org.camelmindee.ocr.local.recognition;

import java.nio.file.Path;

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
        return new OcrSettings(dir, languages, pageSegMode, deskew,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withLanguages(String langs) {
        return new OcrSettings(tessdataDir, langs, pageSegMode, deskew,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withPageSegMode(int psm) {
        return new OcrSettings(tessdataDir, languages, psm, deskew,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withDeskew(boolean on) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, on,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withUpscaleBelowPixels(int pixels) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew,
                pixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withThresholding(int method) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew,
                upscaleBelowPixels, method, minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withDespeckleAbove(double share) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew, upscaleBelowPixels, thresholding,
                minWordConfidence, share, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withDetectOrientation(boolean on) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, on, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withMinWordConfidence(float min) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew,
                upscaleBelowPixels, thresholding, min, despeckleAbove, detectOrientation, invertDarkRegions, normalizeContrast);
    }

    public OcrSettings withInvertDarkRegions(boolean on) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew,
                upscaleBelowPixels, thresholding, minWordConfidence, despeckleAbove, detectOrientation, on, normalizeContrast);
    }

    public OcrSettings withNormalizeContrast(boolean on) {
        return new OcrSettings(tessdataDir, languages, pageSegMode, deskew, upscaleBelowPixels, thresholding,
                minWordConfidence, despeckleAbove, detectOrientation, invertDarkRegions, on);
    }
}
