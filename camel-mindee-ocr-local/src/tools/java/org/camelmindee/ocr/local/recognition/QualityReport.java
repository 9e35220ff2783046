package org.camelmindee.ocr.local.recognition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelmindee.ocr.local.TestPages;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * Prints the character error rate of each rendered test page under a few OCR settings, for docs/local-engine.md:
 * {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=QualityReport}.
 */
public final class QualityReport {

    private QualityReport() {
    }

    static Map<String, byte[]> pages() throws Exception {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        TestPages.Page clean = TestPages.draw(0);
        pages.put("clean PNG", TestPages.png(clean.image()));
        pages.put("turned 3 deg PNG", TestPages.png(TestPages.draw(3).image()));
        pages.put("turned 6 deg PNG", TestPages.png(TestPages.draw(6).image()));
        pages.put("sideways (90 deg) PNG", TestPages.png(TestPages.quarterTurned(clean.image(), 1)));
        pages.put("upside down PNG", TestPages.png(TestPages.quarterTurned(clean.image(), 2)));
        pages.put("noise 1% JPEG", TestPages.jpeg(TestPages.noisy(clean.image(), 0.01, 42), 0.6f));
        pages.put("noise 3% turned -1.5 JPEG", TestPages.jpeg(TestPages.noisy(TestPages.draw(-1.5).image(), 0.03, 42),
                0.6f));
        pages.put("100 dpi PNG", TestPages.png(TestPages.scaled(clean.image(), 1 / 3.0)));
        pages.put("150 dpi JPEG", TestPages.jpeg(TestPages.scaled(clean.image(), 0.5), 0.8f));
        pages.put("image-only PDF", TestPages.imageOnlyPdf(clean.image()));
        pages.put("stamped scan PDF", TestPages.stampedScanPdf(clean.image(), "DOC-000123 page 1/1"));
        pages.put("born-digital PDF", TestPages.digitalPdf());
        return pages;
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> pages = pages();
        Map<String, OcrSettings> variants = new LinkedHashMap<>();
        variants.put("default", OcrSettings.defaults());
        variants.put("otsu", OcrSettings.defaults().withThresholding(0));
        variants.put("no deskew", OcrSettings.defaults().withDeskew(false));
        variants.put("no despeckle", OcrSettings.defaults().withDespeckleAbove(0));
        variants.put("no upscale", OcrSettings.defaults().withUpscaleBelowPixels(0));
        variants.put("no orient", OcrSettings.defaults().withDetectOrientation(false));
        for (Map.Entry<String, OcrSettings> variant : variants.entrySet()) {
            try (TesseractRecognizer recognizer = new TesseractRecognizer(variant.getValue())) {
                for (Map.Entry<String, byte[]> page : pages.entrySet()) {
                    long start = System.nanoTime();
                    List<OcrPage> result = recognizer.recognize(page.getValue(), DocumentType.sniff(page.getValue()));
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    double cer = TestPages.cer(TestPages.expectedText(), result.get(0).content());
                    System.out.printf("%-12s %-28s CER %.4f  %5d ms  specks %.4f%n", variant.getKey(), page.getKey(),
                            cer, ms, PagePreprocessor.lastSpeckleShare);
                    if (args.length > 0 && page.getKey().startsWith(args[0])) {
                        System.out.println(result.get(0).content());
                    }
                }
            }
        }
    }
}
