package org.camelmindee.ocr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SearchablePdfRoute} and its YAML twin on the local engine (real OCR): scans in, searchable PDFs in the
 * archive, with the words the OCR read findable in them, and the scanned pages of a PDF looking as they did.
 */
class SearchablePdfRouteTest {

    @TempDir
    Path dir;
    private CamelContext context;

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aFolderOfScansBecomesSearchablePdfs() throws Exception {
        start(false, false);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(SearchablePdfRoute.ROUTE_ID).whenCompleted(2).create();
        drop("scanned-letter.png", "delivery-note.pdf");

        assertTrue(done.matches(120, TimeUnit.SECONDS), "both scans archived");
        try (PDDocument letter = Loader.loadPDF(dir.resolve("archive/scanned-letter.pdf").toFile())) {
            assertEquals(1, letter.getNumberOfPages());
            String text = new PDFTextStripper().getText(letter);
            assertTrue(text.contains("Harbour Lane Books"), text);
        }
        try (PDDocument original = Loader.loadPDF(LocalMindeeForTests.sample("delivery-note.pdf"));
             PDDocument searchable = Loader.loadPDF(dir.resolve("archive/delivery-note.pdf").toFile())) {
            assertEquals(3, searchable.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(searchable).contains("DN-5531"));
            for (int page = 0; page < 3; page++) {
                assertSamePixels(original, searchable, page);
            }
        }
        assertTrue(Files.exists(dir.resolve("scans/.done/scanned-letter.png")));
    }

    @Test
    void theYamlRouteDoesTheSameAndPdfAToo() throws Exception {
        start(true, true);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("searchable-pdf-yaml").whenCompleted(1).create();
        drop("photo-receipt.jpg");

        assertTrue(done.matches(90, TimeUnit.SECONDS), "the scan archived");
        try (PDDocument receipt = Loader.loadPDF(dir.resolve("archive/photo-receipt.pdf").toFile())) {
            assertTrue(new PDFTextStripper().getText(receipt).toLowerCase().contains("cheddar"));
            String xmp = new String(receipt.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"), xmp);
        }
    }

    @Test
    void theMainExampleWritesASearchablePdfBesideTheText() throws Exception {
        context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("ocr.inbox", dir.resolve("inbox").toString());
        p.setProperty("ocr.outbox", dir.resolve("outbox").toString());
        p.setProperty("ocr.pdf", "true");
        p.setProperty("ocr.documents", "*.pdf,*.png,*.jpg");
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), p);
        context.addRoutes(new OcrFilesRoute());
        context.start();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(OcrFilesRoute.ROUTE_ID).whenCompleted(1).create();
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.write(inbox.resolve("letter.tmp"), LocalMindeeForTests.sample("scanned-letter.png"));
        Files.move(inbox.resolve("letter.tmp"), inbox.resolve("scanned-letter.png"));

        assertTrue(done.matches(90, TimeUnit.SECONDS), "the letter done");
        String text = Files.readString(dir.resolve("outbox/scanned-letter.txt"));
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("outbox/scanned-letter.pdf").toFile())) {
            String layer = new PDFTextStripper().getText(pdf);
            for (String word : text.split("\\s+")) {
                assertTrue(layer.contains(word), word + " in the PDF's text layer");
            }
        }
    }

    /** The invisible text changes nothing that is seen. */
    private static void assertSamePixels(PDDocument a, PDDocument b, int page) throws Exception {
        var left = new PDFRenderer(a).renderImageWithDPI(page, 40, ImageType.GRAY);
        var right = new PDFRenderer(b).renderImageWithDPI(page, 40, ImageType.GRAY);
        assertEquals(left.getWidth(), right.getWidth());
        assertEquals(left.getHeight(), right.getHeight());
        for (int y = 0; y < left.getHeight(); y++) {
            for (int x = 0; x < left.getWidth(); x++) {
                assertEquals(left.getRaster().getSample(x, y, 0), right.getRaster().getSample(x, y, 0),
                        "page " + page + " pixel " + x + "," + y);
            }
        }
    }

    private void start(boolean yaml, boolean pdfA) throws Exception {
        context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("scans.inbox", dir.resolve("scans").toString());
        p.setProperty("scans.archive", dir.resolve("archive").toString());
        p.setProperty("scans.documents", "*.pdf,*.png,*.jpg");
        p.setProperty("scans.pdfA", Boolean.toString(pdfA));
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), p);
        if (yaml) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/searchable-pdf.camel.yaml"));
        } else {
            context.addRoutes(new SearchablePdfRoute());
        }
        context.start();
    }

    private void drop(String... samples) throws Exception {
        Path scans = Files.createDirectories(dir.resolve("scans"));
        for (String sample : samples) {
            Files.write(scans.resolve(sample + ".tmp"), LocalMindeeForTests.sample(sample));
            Files.move(scans.resolve(sample + ".tmp"), scans.resolve(sample));
        }
    }
}
