package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.TestPages;
import org.camelmindee.ocr.local.WordAgreement;
import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/**
 * Real Tesseract on pages with known text: the character error rate stays under bounds that real OCR passes with
 * room to spare, and the word polygons land where the words were drawn, turned pages included.
 */
class OcrQualityTest {

    static TesseractRecognizer recognizer;
    static TestPages.Page clean;

    @BeforeAll
    static void engine() {
        recognizer = new TesseractRecognizer();
        clean = TestPages.draw(0);
    }

    @AfterAll
    static void free() {
        recognizer.close();
    }

    private static OcrPage single(byte[] bytes) {
        DocumentType type = DocumentType.sniff(bytes);
        List<OcrPage> pages = recognizer.recognize(bytes, type);
        assertEquals(1, pages.size());
        return pages.get(0);
    }

    private static double report(String name, OcrPage page) {
        double cer = TestPages.cer(TestPages.expectedText(), page.content());
        System.out.printf("CER %-28s %.4f (%d words)%n", name, cer, page.words().size());
        return cer;
    }

    @Test
    void cleanPng() throws Exception {
        OcrPage page = single(TestPages.png(clean.image()));
        assertTrue(report("clean PNG 300 dpi", page) < 0.02, page.content());
        assertWordNear(page, "quick", clean.wordBoxes().get("quick"));
        assertWordNear(page, "Portsmouth", clean.wordBoxes().get("Portsmouth"));
        for (OcrWord word : page.words()) {
            assertEquals(4, word.polygon().size());
            List<Point> p = word.polygon();
            // clockwise from the top left, as Mindee's
            assertTrue(p.get(0).x() < p.get(1).x() && p.get(1).y() < p.get(2).y() && p.get(3).x() < p.get(2).x(),
                    word.toString());
        }
        // reading order: the lines come in the order they were drawn
        assertTrue(page.content().indexOf("INVOICE") < page.content().indexOf("quick brown"));
        assertTrue(page.content().indexOf("quick brown") < page.content().indexOf("Total due"));
    }

    @Test
    void turnedPageIsDeskewedAndItsPolygonsLandOnTheOriginalPage() throws Exception {
        TestPages.Page turned = TestPages.draw(3.0);
        OcrPage page = single(TestPages.png(turned.image()));
        assertTrue(report("turned 3 degrees PNG", page) < 0.03, page.content());
        assertWordNear(page, "quick", turned.wordBoxes().get("quick"));
        assertWordNear(page, "Portsmouth", turned.wordBoxes().get("Portsmouth"));
    }

    @Test
    void noisyTurnedJpeg() throws Exception {
        TestPages.Page turned = TestPages.draw(-1.5);
        byte[] jpeg = TestPages.jpeg(TestPages.noisy(turned.image(), 0.03, 42), 0.6f);
        OcrPage page = single(jpeg);
        assertTrue(report("noisy turned -1.5 JPEG q0.6", page) < 0.05, page.content());
    }

    @Test
    void imageOnlyPdfIsRenderedAndRecognised() throws Exception {
        OcrPage page = single(TestPages.imageOnlyPdf(clean.image()));
        assertTrue(report("image-only PDF", page) < 0.02, page.content());
        assertWordNear(page, "quick", clean.wordBoxes().get("quick"));
    }

    @Test
    void aScanWithAStampOfTextIsRecognisedNotReadFromItsFewWords() throws Exception {
        OcrPage page = single(TestPages.stampedScanPdf(clean.image(), "DOC-000123 page 1/1"));
        assertTrue(page.content().contains("quick brown fox"), page.content());
        assertTrue(report("stamped scan PDF", page) < 0.05, page.content());
    }

    @Test
    void bornDigitalPdfIsReadFromItsTextLayer() throws Exception {
        byte[] pdf = TestPages.digitalPdf();
        long start = System.nanoTime();
        List<OcrPage> pages = recognizer.recognize(pdf, DocumentType.PDF);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, pages.size());
        for (OcrPage page : pages) {
            assertTrue(report("born-digital PDF (" + ms + " ms)", page) < 0.005, page.content());
            OcrWord first = page.words().get(0);
            assertEquals("INVOICE", first.content());
            // 72 pt from the left of a 612 pt page, the first line 92 pt from the top of 792
            assertEquals(72 / 612.0, first.polygon().get(0).x(), 0.01);
            double middle = (first.polygon().get(0).y() + first.polygon().get(2).y()) / 2;
            assertEquals(88 / 792.0, middle, 0.01);
        }
        assertEquals(TestPages.words(TestPages.expectedText()).size(), pages.get(0).words().size());
    }

    @Test
    void exifOrientationIsHonoured() throws Exception {
        // the camera stored the page turned a quarter anticlockwise and says so (6: turn it clockwise to show it)
        java.awt.image.BufferedImage src = clean.image();
        java.awt.image.BufferedImage stored = new java.awt.image.BufferedImage(src.getHeight(), src.getWidth(),
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = stored.createGraphics();
        g.translate(0, src.getWidth());
        g.rotate(-Math.PI / 2);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        byte[] jpeg = TestPages.jpeg(stored, 0.9f);
        byte[] exif = ExifOrientationTest.jpegWithOrientation(false, 6);
        int app1Length = ((exif[4] & 0xff) << 8 | (exif[5] & 0xff)) + 2;
        byte[] withExif = new byte[jpeg.length + app1Length];
        System.arraycopy(jpeg, 0, withExif, 0, 2);
        System.arraycopy(exif, 2, withExif, 2, app1Length);
        System.arraycopy(jpeg, 2, withExif, 2 + app1Length, jpeg.length - 2);
        assertEquals(6, ExifOrientation.of(withExif));
        OcrPage page = single(withExif);
        assertTrue(report("EXIF orientation 6 JPEG", page) < 0.02, page.content());
        assertWordNear(page, "quick", clean.wordBoxes().get("quick"));
    }

    @Test
    void everyPageOfATiffIsRead() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        try (var ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new javax.imageio.IIOImage(clean.image(), null, null), null);
            writer.writeToSequence(new javax.imageio.IIOImage(TestPages.draw(2).image(), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        List<OcrPage> pages = recognizer.recognize(out.toByteArray(), DocumentType.TIFF);
        assertEquals(2, pages.size());
        for (OcrPage page : pages) {
            assertTrue(report("TIFF page", page) < 0.03, page.content());
        }
    }

    @Test
    void aDocumentOverTheTimeLimitFailsLikeAnInferenceThatRanTooLong() throws Exception {
        byte[] png = TestPages.png(clean.image());
        try (TesseractRecognizer hurried = new TesseractRecognizer(OcrSettings.defaults(), DocumentLimits.defaults(),
                java.time.Duration.ofMillis(150))) {
            ProblemException e = assertThrows(ProblemException.class, () -> hurried.recognize(png, DocumentType.PNG));
            assertEquals(500, e.problem().status());
            assertEquals("500-002", e.problem().code());
        }
    }

    @Test
    void pagesLyingSidewaysOrUpsideDownAreTurnedUprightAndTheirPolygonsStayOnThePage() throws Exception {
        for (int quarters = 1; quarters <= 3; quarters++) {
            OcrPage page = single(TestPages.png(TestPages.quarterTurned(clean.image(), quarters)));
            assertTrue(report("turned " + 90 * quarters + " degrees PNG", page) < 0.02, page.content());
            double[] drawn = clean.wordBoxes().get("quick");
            double cx = (drawn[0] + drawn[2]) / 2 / TestPages.WIDTH;
            double cy = (drawn[1] + drawn[3]) / 2 / TestPages.HEIGHT;
            // where the centre of "quick" is on the turned picture, relative to it
            double[] expected = switch (quarters) {
                case 1 -> new double[] { 1 - cy, cx };
                case 2 -> new double[] { 1 - cx, 1 - cy };
                default -> new double[] { cy, 1 - cx };
            };
            OcrWord quick = page.words().stream().filter(w -> w.content().equals("quick")).findFirst().orElseThrow();
            double[] box = WordAgreement.box(quick.polygon());
            assertEquals(expected[0], (box[0] + box[2]) / 2, 0.01, quarters + " x");
            assertEquals(expected[1], (box[1] + box[3]) / 2, 0.01, quarters + " y");
        }
    }

    /** The recognised word's box centre is within half a line of where it was drawn. */
    static void assertWordNear(OcrPage page, String text, double[] drawn) {
        double cx = (drawn[0] + drawn[2]) / 2 / TestPages.WIDTH;
        double cy = (drawn[1] + drawn[3]) / 2 / TestPages.HEIGHT;
        for (OcrWord word : page.words()) {
            if (word.content().equals(text)) {
                double[] box = WordAgreement.box(word.polygon());
                double wx = (box[0] + box[2]) / 2;
                double wy = (box[1] + box[3]) / 2;
                assertEquals(cx, wx, 0.01, text + " x");
                assertEquals(cy, wy, 0.006, text + " y");
                return;
            }
        }
        fail("no word '" + text + "' in " + page.content());
    }
}
