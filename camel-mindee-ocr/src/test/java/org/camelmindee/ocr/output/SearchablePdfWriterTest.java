package org.camelmindee.ocr.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searchable PDF, read back by another PDF reader (poppler's pdftotext) and rendered (PDFBox): the words are found
 * where the result put them, and the pages look exactly as the original's.
 */
class SearchablePdfWriterTest {

    /** The bar: at least 99 % of the words at an IoU of 0.8 or more. */
    private static final double MIN_IOU = 0.8;
    private static final double MIN_SHARE = 0.99;

    @TempDir
    Path dir;

    @Test
    void aJpegBecomesAPageAtItsResolutionEmbeddedAsItIs() throws Exception {
        PdfToText.assumeInstalled();
        ScannedPages.Page page = ScannedPages.page(1700, 2200, 24, 1);
        Path jpeg = dir.resolve("scan.jpg");
        writeJpeg(page.image(), 200, jpeg);
        OcrResponse result = ScannedPages.response("scan.jpg", "image/jpeg", List.of(page.ocr()));

        Path pdf = write(jpeg, result, false);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertEquals(1700 * 72 / 200.0, box.getWidth(), 0.01, "the page is as wide as the scan at 200 dpi");
            assertEquals(2200 * 72 / 200.0, box.getHeight(), 0.01);
            PDImageXObject image = onlyImage(document.getPage(0));
            assertEquals(List.of(COSName.DCT_DECODE), image.getStream().getFilters());
            try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                assertArrayEquals(Files.readAllBytes(jpeg), raw.readAllBytes(), "the JPEG is embedded byte for byte");
            }
            assertSameLook(ImageIO.read(jpeg.toFile()), render(document, 0, 200), 64, 0.01);
        }
        assertRoundTrip(List.of(page.ocr()), pdf);
    }

    @Test
    void aPngPageRendersAsTheScanAndCarriesEveryWord() throws Exception {
        PdfToText.assumeInstalled();
        ScannedPages.Page page = ScannedPages.page(1240, 1754, 20, 2);
        Path png = dir.resolve("scan.png");
        ImageIO.write(page.image(), "png", png.toFile());
        OcrResponse result = ScannedPages.response("scan.png", "image/png", List.of(page.ocr()));

        Path pdf = write(png, result, false);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // no resolution in the file: taken as 300 dpi
            assertEquals(1240 * 72 / 300.0, document.getPage(0).getMediaBox().getWidth(), 0.01);
            assertSameLook(page.image(), render(document, 0, 300), 64, 0.01);
            PDImageXObject image = onlyImage(document.getPage(0));
            try (InputStream samples = image.getCOSObject().createInputStream()) {
                byte[] pixels = ((java.awt.image.DataBufferByte) page.image().getRaster().getDataBuffer()).getData();
                assertArrayEquals(pixels, samples.readAllBytes(), "the PNG's pixels are embedded unchanged");
            }
        }
        assertRoundTrip(List.of(page.ocr()), pdf);
        assertEquals(List.of(new PageSize(1240, 1754)), SearchablePdfWriter.pageSizes(png));
    }

    @Test
    void aScannedPdfKeepsItsPagesAndSizesAndGainsText() throws Exception {
        PdfToText.assumeInstalled();
        ScannedPages.Page portrait = ScannedPages.page(1275, 1650, 20, 3);
        ScannedPages.Page landscape = ScannedPages.page(1650, 1275, 14, 4);
        ScannedPages.Page sideways = ScannedPages.page(1275, 1650, 18, 5);
        Path original = dir.resolve("scanned.pdf");
        try (PDDocument document = new PDDocument()) {
            addScannedPage(document, portrait.image(), 150, 0);
            addScannedPage(document, landscape.image(), 150, 0);
            addScannedPage(document, sideways.image(), 150, 90);
            document.save(original.toFile());
        }
        List<OcrPage> pages = List.of(portrait.ocr(), landscape.ocr(), sideways.ocr());
        Path pdf = write(original, ScannedPages.response("scanned.pdf", "application/pdf", pages), false);

        try (PDDocument before = Loader.loadPDF(original.toFile()); PDDocument after = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, after.getNumberOfPages());
            for (int i = 0; i < 3; i++) {
                assertEquals(before.getPage(i).getMediaBox().toString(), after.getPage(i).getMediaBox().toString());
                assertEquals(before.getPage(i).getRotation(), after.getPage(i).getRotation());
                assertSameLook(render(before, i, 50), render(after, i, 50));
            }
        }
        assertRoundTrip(pages, pdf);
        assertEquals(List.of(new PageSize(2550, 3300), new PageSize(3300, 2550), new PageSize(2550, 3300)),
                SearchablePdfWriter.pageSizes(original), "PDF pages are measured at 300 dpi, as displayed");
    }

    @Test
    void aPageThatAlreadyHasItsTextGetsNoSecondLayer() throws Exception {
        ScannedPages.Page scanned = ScannedPages.page(1275, 1650, 10, 6);
        Path original = dir.resolve("mixed.pdf");
        List<OcrWord> typed = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            addScannedPage(document, scanned.image(), 150, 0);
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Typed page with its own text");
                content.endText();
            }
            document.save(original.toFile());
        }
        for (String word : "Typed page with its own text".split(" ")) {
            typed.add(new OcrWord(word, List.of(new Point(0.1, 0.1), new Point(0.2, 0.1), new Point(0.2, 0.12),
                    new Point(0.1, 0.12))));
        }
        List<OcrPage> pages = List.of(scanned.ocr(), new OcrPage("Typed page with its own text", typed));

        Path pdf = dir.resolve("out.pdf");
        SearchablePdfWriter.Summary summary;
        try (OutputStream out = Files.newOutputStream(pdf)) {
            summary = SearchablePdfWriter.write(original,
                    ScannedPages.response("mixed.pdf", "application/pdf", pages), false, out);
        }

        assertEquals(new SearchablePdfWriter.Summary(2, 1, scanned.ocr().words().size()), summary);
        try (PDDocument after = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertEquals("Typed page with its own text", stripper.getText(after).strip(), "no word twice");
        }
    }

    @Test
    void pdfAOfAnImageAndOfAScannedPdfIsValidPdfA2b() throws Exception {
        ScannedPages.Page page = ScannedPages.page(1240, 1754, 12, 7);
        Path png = dir.resolve("scan.png");
        ImageIO.write(page.image(), "png", png.toFile());
        Path fromImage = write(png, ScannedPages.response("scan.png", "image/png", List.of(page.ocr())), true);
        VeraPdf.assertPdfA2b(fromImage);

        Path scanned = dir.resolve("scanned.pdf");
        try (PDDocument document = new PDDocument()) {
            addScannedPage(document, page.image(), 150, 0);
            document.save(scanned.toFile());
        }
        Path fromPdf = write(scanned, ScannedPages.response("scanned.pdf", "application/pdf", List.of(page.ocr())), true);
        VeraPdf.assertPdfA2b(fromPdf);
    }

    @Test
    void mindeesOwnAnswerForARealScanRoundTrips() throws Exception {
        PdfToText.assumeInstalled();
        Path data = Path.of("..", "..", "shared", "mindee-test-data", "v2", "products", "ocr");
        assumeTrue(Files.isRegularFile(data.resolve("ocr_single.json")),
                "the shared Mindee test data is not beside the project at " + data.toAbsolutePath());
        OcrResponse result = MindeeJson.mapper().readValue(data.resolve("ocr_single.json").toFile(), OcrResponse.class);

        Path pdf = write(data.resolve("bill_of_lading.jpg"), result, false);

        assertRoundTrip(result.inference().result().pages(), pdf);
    }

    @Test
    void theOriginalMustBeTheDocumentThatWasRead() throws Exception {
        ScannedPages.Page page = ScannedPages.page(600, 800, 4, 8);
        Path png = dir.resolve("scan.png");
        ImageIO.write(page.image(), "png", png.toFile());
        OcrResponse twoPages = ScannedPages.response("scan.png", "image/png", List.of(page.ocr(), page.ocr()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchablePdfWriter.write(png, twoPages, false, OutputStream.nullOutputStream()));
        assertEquals("The original scan.png has 1 pages and the OCR result 2: is it the document that was read?",
                e.getMessage());
    }

    @Test
    void anImageJavaCannotReadIsRefusedWithWhatToDo() throws Exception {
        Path webp = dir.resolve("photo.webp");
        Files.write(webp, "RIFF\0\0\0\0WEBPVP8 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchablePdfWriter.write(webp, ScannedPages.response("photo.webp", "image/webp", List.of()),
                        false, OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("convert WebP or HEIC scans to JPEG or PNG first"), e.getMessage());
    }

    static void assertRoundTrip(List<OcrPage> expected, Path pdf) throws Exception {
        RoundTrip.Score score = RoundTrip.score(expected, pdf);
        assertTrue(score.words() > 0);
        assertTrue(score.shareAtLeast(MIN_IOU) >= MIN_SHARE, "only " + score.shareAtLeast(MIN_IOU) * 100
                                                           + " % of " + score.words() + " words at IoU >= " + MIN_IOU
                                                           + " (" + score.matched() + " found by pdftotext)");
    }

    private Path write(Path original, OcrResponse result, boolean pdfA) throws IOException {
        Path pdf = dir.resolve(original.getFileName() + (pdfA ? ".pdfa.pdf" : ".out.pdf"));
        try (OutputStream out = Files.newOutputStream(pdf)) {
            SearchablePdfWriter.write(original, result, pdfA, out);
        }
        return pdf;
    }

    /** A page as a scanner writes it: the image, filling a page sized by its resolution, turned by /Rotate. */
    static void addScannedPage(PDDocument document, BufferedImage image, int dpi, int rotate) throws IOException {
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        float width = image.getWidth() * 72f / dpi;
        float height = image.getHeight() * 72f / dpi;
        PDPage page = rotate == 90 ? new PDPage(new PDRectangle(height, width)) : new PDPage(new PDRectangle(width, height));
        page.setRotation(rotate);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            if (rotate == 90) {
                // stored turned a quarter anticlockwise, so that the viewer's clockwise quarter shows it upright
                content.drawImage(xobject, new Matrix(0, width, -height, 0, height, 0));
            } else {
                content.drawImage(xobject, 0, 0, width, height);
            }
        }
    }

    private static BufferedImage render(PDDocument document, int page, int dpi) throws IOException {
        return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.GRAY);
    }

    /** Rendered pages of the same PDF content: identical, pixel for pixel. */
    static void assertSameLook(BufferedImage expected, BufferedImage actual) {
        assertSameLook(expected, actual, 0, 0);
    }

    /**
     * The same size (give or take the pixel that rounding a page's size in points to pixels may lose), and at most
     * {@code share} of the pixels more than {@code tolerance} grey levels apart. An image drawn on a page and rendered
     * back is resampled once, which moves the edges of glyphs by a fraction of a pixel.
     */
    static void assertSameLook(BufferedImage expected, BufferedImage actual, int tolerance, double share) {
        assertEquals(expected.getWidth(), actual.getWidth(), 1, "width");
        assertEquals(expected.getHeight(), actual.getHeight(), 1, "height");
        int width = Math.min(expected.getWidth(), actual.getWidth());
        int height = Math.min(expected.getHeight(), actual.getHeight());
        long off = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = expected.getRaster().getSample(x, y, 0);
                int b = actual.getRaster().getSample(x, y, 0);
                if (Math.abs(a - b) > tolerance) {
                    off++;
                }
            }
        }
        assertTrue(off <= share * width * height, off + " of " + (long) width * height + " pixels differ by more than "
                                                  + tolerance + " grey levels");
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                return image;
            }
        }
        throw new AssertionError("no image on the page");
    }

    /** A JPEG that declares its resolution in its JFIF header. */
    private static void writeJpeg(BufferedImage image, int dpi, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
        jfif.setAttribute("resUnits", "1");
        jfif.setAttribute("Xdensity", Integer.toString(dpi));
        jfif.setAttribute("Ydensity", Integer.toString(dpi));
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), null);
        }
        writer.dispose();
        Files.write(file, bytes.toByteArray());
    }
}
