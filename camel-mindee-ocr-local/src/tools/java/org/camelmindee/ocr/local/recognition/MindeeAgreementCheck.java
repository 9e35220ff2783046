package org.camelmindee.ocr.local.recognition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camelmindee.ocr.local.SharedTestData;
import org.camelmindee.ocr.local.WordAgreement;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Agreement of the local engine with Mindee's own OCR on the shared bill of lading. Run from the repository root:
 * {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=MindeeAgreementCheck
 * [-Dtool.args="psm=3 upscale=1800 ..."]};
 * the settings: psm, upscale, deskew, threshold, minconf, despeckle, orient. Mindee's data: see {@link SharedTestData}.
 */
public final class MindeeAgreementCheck {

    static final Path DATA = SharedTestData.dir();

    private MindeeAgreementCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (DATA == null) {
            throw new IllegalStateException(SharedTestData.skipReason());
        }
        OcrSettings settings = OcrSettings.defaults();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "psm" -> settings = settings.withPageSegMode(Integer.parseInt(kv[1]));
                case "upscale" -> settings = settings.withUpscaleBelowPixels(Integer.parseInt(kv[1]));
                case "deskew" -> settings = settings.withDeskew(Boolean.parseBoolean(kv[1]));
                case "threshold" -> settings = settings.withThresholding(Integer.parseInt(kv[1]));
                case "minconf" -> settings = settings.withMinWordConfidence(Float.parseFloat(kv[1]));
                case "despeckle" -> settings = settings.withDespeckleAbove(Double.parseDouble(kv[1]));
                case "orient" -> settings = settings.withDetectOrientation(Boolean.parseBoolean(kv[1]));
                default -> throw new IllegalArgumentException(arg);
            }
        }
        System.out.println(settings);
        System.out.println(measure(settings, args.length == 0) + " specks " + PagePreprocessor.lastSpeckleShare);
    }

    private static long[] scale(double[] box) {
        return new long[] { Math.round(box[0] * 1786), Math.round(box[1] * 2526), Math.round(box[2] * 1786),
                Math.round(box[3] * 2526) };
    }

    /** How far apart the edges of matched words are, on average, in pixels of the 1786x2526 page. */
    private static void printEdgeOffsets(List<OcrWord[]> pairs) {
        double[] sum = new double[4];
        int n = 0;
        for (OcrWord[] pair : pairs) {
            if (pair[1] != null) {
                long[] a = scale(WordAgreement.box(pair[0].polygon()));
                long[] b = scale(WordAgreement.box(pair[1].polygon()));
                for (int i = 0; i < 4; i++) {
                    sum[i] += Math.abs(a[i] - b[i]);
                }
                n++;
            }
        }
        System.out.printf("mean edge offsets of %d matched words, px: left %.1f top %.1f right %.1f bottom %.1f%n", n,
                sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
    }

    static WordAgreement measure(OcrSettings settings, boolean verbose) throws Exception {
        Path dir = DATA.resolve("v2/products/ocr");
        byte[] image = Files.readAllBytes(dir.resolve("bill_of_lading.jpg"));
        OcrResponse reference = MindeeJson.mapper().readValue(dir.resolve("ocr_single.json").toFile(), OcrResponse.class);
        OcrPage mindee = reference.inference().result().pages().get(0);
        try (TesseractRecognizer recognizer = new TesseractRecognizer(settings)) {
            long start = System.nanoTime();
            OcrPage local = recognizer.recognize(image, DocumentType.JPEG).get(0);
            long ms = (System.nanoTime() - start) / 1_000_000;
            WordAgreement agreement = WordAgreement.of(mindee.words(), local.words(), 0.5);
            if (verbose) {
                System.out.println("recognised in " + ms + " ms");
                printEdgeOffsets(WordAgreement.pairs(mindee.words(), local.words(), 0.5));
                System.out.println("--- Mindee words without a local match:");
                WordAgreement.unmatched(mindee.words(), local.words(), 0.5)
                        .forEach(w -> System.out.print(w.content() + " | "));
                System.out.println("\n--- same text, boxes too far apart (Mindee box / local box, IoU):");
                for (var w : WordAgreement.unmatched(mindee.words(), local.words(), 0.5)) {
                    for (var c : local.words()) {
                        if (c.content().equals(w.content())) {
                            double[] a = WordAgreement.box(w.polygon());
                            double[] b = WordAgreement.box(c.polygon());
                            System.out.printf("%s %s / %s %.2f%n", w.content(), java.util.Arrays.toString(scale(a)),
                                    java.util.Arrays.toString(scale(b)), WordAgreement.iou(a, b));
                        }
                    }
                }
                System.out.println("\n--- local words without a Mindee match:");
                WordAgreement.unmatched(local.words(), mindee.words(), 0.5)
                        .forEach(w -> System.out.print(w.content() + " | "));
                System.out.println("\n--- local content:\n" + local.content());
            }
            return agreement;
        }
    }
}
