package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.pixDestroy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.leptonica.PIX;

import org.camelmindee.ocr.local.SharedTestData;
import org.camelmindee.ocr.local.TestPages;

/**
 * How a page's first reading looks to {@link PageReading}, the reading that decides whether the orientation detector
 * is asked: words, the share of characters in confident words, whether the lines run down the page, and what the
 * detector would say. On pages upright, upside down and lying sideways both ways, a photo, a card, a dark table
 * header, a small page, and the bill of lading when Mindee's test data is beside the checkout. Usage (from the
 * repository root): {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=FirstReadings}.
 */
public final class FirstReadings {

    private FirstReadings() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage clean = TestPages.draw(0).image();
        Map<String, byte[]> pages = new LinkedHashMap<>();
        pages.put("clean", TestPages.png(clean));
        pages.put("turned 3 degrees", TestPages.png(TestPages.draw(3).image()));
        pages.put("upside down", TestPages.png(TestPages.quarterTurned(clean, 2)));
        pages.put("a quarter clockwise", TestPages.png(TestPages.quarterTurned(clean, 1)));
        pages.put("a quarter counter-clockwise", TestPages.png(TestPages.quarterTurned(clean, 3)));
        pages.put("photographed", TestPages.jpeg(TestPages.photographed(clean), 0.8f));
        pages.put("business card", TestPages.png(TestPages.businessCard()));
        pages.put("dark table header", TestPages.png(TestPages.tableWithDarkHeader()));
        pages.put("100 dpi", TestPages.png(TestPages.scaled(clean, 1 / 3.0)));
        Path shared = SharedTestData.dir();
        if (shared != null) {
            pages.put("bill of lading", Files.readAllBytes(shared.resolve("v2/products/ocr/bill_of_lading.jpg")));
        }
        OcrSettings settings = OcrSettings.defaults().withDetectOrientation(false);
        PagePreprocessor preprocessor = new PagePreprocessor(settings);
        System.out.println("| page | words | characters in confident words | lines down the page | doubtful | detector's"
                + " quarter turns |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        try (TesseractPageReader reader = new TesseractPageReader(Tessdata.resolve(null, "eng").toString(), settings,
                TesseractRecognizer.TIME_LIMIT)) {
            for (Map.Entry<String, byte[]> page : pages.entrySet()) {
                PIX gray = StepCosts.gray(page.getValue());
                PagePreprocessor.Prepared prepared = preprocessor.prepare(gray, 0);
                try {
                    List<RecognizedWord> words = reader.words(gray, prepared, System.nanoTime() + 600_000_000_000L);
                    PageReading reading = new PageReading(words, prepared.transform());
                    int characters = words.stream().mapToInt(w -> w.text().length()).sum();
                    System.out.printf("| %s | %d | %.2f | %s | %s | %d |%n", page.getKey(), words.size(),
                            characters == 0 ? 0 : (double) reading.confidentCharacters() / characters,
                            reading.vertical(), reading.doubtful(), PagePreprocessor.quarterTurnsToUpright(prepared));
                } finally {
                    prepared.release(gray);
                    pixDestroy(gray);
                }
            }
        }
    }
}
