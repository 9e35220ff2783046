package org.camelmindee.ocr.local.recognition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelmindee.ocr.model.DocumentType;

/**
 * What each step of the default settings costs: seconds per page in process, with the defaults and with each step
 * turned off in turn, on EngineThroughput's pages. Usage (from the repository root): {@code mvn -q -pl
 * camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=StepCosts -Dtool.args=3} (rounds, after one to warm
 * up; each round runs every variant, so that the machine's load hits them alike).
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
    }
}
