package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.leptonica.PIX;

import org.camelmindee.ocr.model.DocumentType;

/**
 * What each step of the default settings costs: seconds per page in process, with the defaults and with each step
 * turned off in turn, on EngineThroughput's pages; then the steps' own parts, timed alone on each page. Usage (from
 * the repository root): {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=StepCosts
 * -Dtool.args=3} (rounds, after one to warm up; each round runs every variant, so that the machine's load hits them
 * alike).
 */
public final class StepCosts {

    private StepCosts() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, byte[]> pages = EngineThroughput.pages();
        OcrSettings defaults = OcrSettings.defaults();
        Map<String, OcrSettings> variants = new LinkedHashMap<>();
        variants.put("defaults", defaults);
        variants.put("Otsu, not Sauvola", defaults.withThresholding(0));
        variants.put("no deskew", defaults.withDeskew(false));
        variants.put("no despeckle", defaults.withDespeckleAbove(0));
        variants.put("no orientation", defaults.withDetectOrientation(false));
        variants.put("no inverted reading", defaults.withInvertDarkRegions(false));
        variants.put("no normalising", defaults.withNormalizeContrast(false));
        variants.put("none of them", defaults.withThresholding(0).withDeskew(false).withDespeckleAbove(0)
                .withUpscaleBelowPixels(0).withDetectOrientation(false).withInvertDarkRegions(false)
                .withNormalizeContrast(false));
        List<TesseractRecognizer> recognizers = new ArrayList<>();
        try {
            for (OcrSettings settings : variants.values()) {
                recognizers.add(new TesseractRecognizer(settings));
            }
            double[][] seconds = new double[recognizers.size()][pages.size()];
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                for (int v = 0; v < recognizers.size(); v++) {
                    int p = 0;
                    for (byte[] page : pages.values()) {
                        long start = System.nanoTime();
                        recognizers.get(v).recognize(page, DocumentType.sniff(page));
                        if (round > 0) {
                            seconds[v][p] += (System.nanoTime() - start) / 1e9 / rounds;
                        }
                        p++;
                    }
                }
            }
            System.out.printf("%-20s", "s/page");
            pages.keySet().forEach(name -> System.out.printf(" %18s", name));
            System.out.printf(" %8s%n", "all");
            int v = 0;
            for (String variant : variants.keySet()) {
                System.out.printf("%-20s", variant);
                double all = 0;
                for (double s : seconds[v++]) {
                    System.out.printf(" %18.3f", s);
                    all += s;
                }
                System.out.printf(" %8.3f%n", all);
            }
        } finally {
            recognizers.forEach(TesseractRecognizer::close);
        }
        System.out.printf("%nms each, alone (5 runs after 2)%n%-20s", "part");
        pages.keySet().forEach(name -> System.out.printf(" %18s", name));
        System.out.println();
        Map<String, List<Double>> parts = new LinkedHashMap<>();
        for (byte[] page : pages.values()) {
            PIX gray = gray(page);
            try {
                PagePreprocessor.Prepared asItIs = new PagePreprocessor.Prepared(gray,
                        PageTransform.identity(pixGetWidth(gray), pixGetHeight(gray)));
                time(parts, "specks test", () -> pixDestroy(PagePreprocessor.despeckled(gray,
                        defaults.despeckleAbove()))); // the median included where the page is speckled
                time(parts, "median, Leptonica", () -> pixDestroy(pixMedianFilter(gray, 3, 3)));
                time(parts, "median, Java", () -> pixDestroy(MedianFilter.median3x3(gray)));
                time(parts, "orientation", () -> PagePreprocessor.quarterTurnsToUpright(asItIs));
                time(parts, "skew search", () -> {
                    PIX binary = pixConvertTo1(gray, 160);
                    pixFindSkew(binary, new float[1], new float[1]);
                    pixDestroy(binary);
                });
                time(parts, "tiles of grey", () -> GreyTiles.of(gray));
            } finally {
                pixDestroy(gray);
            }
        }
        parts.forEach((part, millis) -> {
            System.out.printf("%-20s", part);
            millis.forEach(ms -> System.out.printf(" %18.1f", ms));
            System.out.println();
        });
    }

    /** The first page of an image file, decoded to grey as the engine decodes it. */
    static PIX gray(byte[] image) {
        try (PixImages.Pages decoded = PixImages.open(image, DocumentType.sniff(image), DocumentLimits.defaults())) {
            return decoded.next();
        }
    }

    private static void time(Map<String, List<Double>> parts, String part, Runnable step) {
        for (int i = 0; i < 2; i++) {
            step.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            step.run();
        }
        parts.computeIfAbsent(part, p -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6 / 5);
    }
}
