package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.TestPages;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Light text on dark and coloured backgrounds, a photographed card, a faint print: what the default settings read
 * that the same engine without inversion and contrast normalisation lost.
 */
class HarderPagesTest {

    static TesseractRecognizer engine;
    static TesseractRecognizer plain;

    @BeforeAll
    static void engines() {
        engine = new TesseractRecognizer();
        plain = new TesseractRecognizer(OcrSettings.defaults().withInvertDarkRegions(false)
                .withNormalizeContrast(false));
    }

    @AfterAll
    static void close() {
        engine.close();
        plain.close();
    }

    @Test
    void aPhotographedCardWithWhiteTextOnBlueIsReadWhole() throws Exception {
        byte[] photo = TestPages.jpeg(TestPages.photographed(TestPages.businessCard()), 0.8f);
        List<String> expected = TestPages.words(String.join(" ", TestPages.CARD_LIGHT));
        assertEquals(expected.size(), found(engine, photo, expected), text(engine, photo));
        assertTrue(found(plain, photo, expected) < expected.size() / 2,
                "without the inverted reading most of the card is lost: " + text(plain, photo));
        assertTrue(text(engine, photo).contains(TestPages.CARD_DARK), "the dark text beside it stays");
    }

    @Test
    void whiteColumnTitlesOnADarkHeaderRowAreRead() throws Exception {
        byte[] table = TestPages.png(TestPages.tableWithDarkHeader());
        OcrPage page = engine.recognize(table, DocumentType.PNG).get(0);
        assertTrue(page.content().startsWith("Item Quantity Unit price Amount"), page.content());
        assertEquals(TestPages.words(String.join(" ", TestPages.TABLE_ROWS)),
                TestPages.words(page.content()).subList(5, 15), "the rows after the header, in order");
        for (OcrWord word : page.words()) {
            if (word.content().equals("Quantity")) {
                // its box is where it was drawn (x 900 of 2550, the header row 150..260 of 900 px)
                assertEquals(900 / 2550.0, word.polygon().get(0).x(), 0.01);
                assertTrue(word.polygon().get(0).y() > 140 / 900.0 && word.polygon().get(2).y() < 270 / 900.0);
            }
        }
    }

    @Test
    void aFaintPrintIsNormalisedAndRead() throws Exception {
        BufferedImage faint = TestPages.draw(0).image();
        // pale ink, as a thermal receipt or a light blue stamp: black becomes a grey of 150
        for (int y = 0; y < faint.getHeight(); y++) {
            for (int x = 0; x < faint.getWidth(); x++) {
                int g = faint.getRGB(x, y) & 0xff;
                int v = 150 + (g * 105 / 255);
                faint.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        byte[] png = TestPages.png(faint);
        double cer = TestPages.cer(TestPages.expectedText(), text(engine, png));
        assertTrue(cer < 0.02, "CER " + cer + ": " + text(engine, png));
    }

    @Test
    void aCleanScanIsNotTouched() {
        BufferedImage clean = TestPages.draw(0).image();
        var gray = PixImages.fromBufferedImage(toGray(clean), 300);
        try {
            assertFalse(PageLighting.needsNormalising(gray));
            assertTrue(InvertedRegions.find(gray).isEmpty(), "no dark region on a clean page: no second reading");
        } finally {
            org.bytedeco.leptonica.global.leptonica.pixDestroy(gray);
        }
    }

    private static BufferedImage toGray(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(image, 0, 0, null);
        return gray;
    }

    private static String text(TesseractRecognizer recognizer, byte[] image) {
        return recognizer.recognize(image, DocumentType.sniff(image)).get(0).content();
    }

    private static int found(TesseractRecognizer recognizer, byte[] image, List<String> expected) {
        return QualitySet.common(expected, TestPages.words(text(recognizer, image)));
    }
}
