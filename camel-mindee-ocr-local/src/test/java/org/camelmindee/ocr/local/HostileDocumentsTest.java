package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.recognition.DocumentLimits;
import org.camelmindee.ocr.local.recognition.OcrSettings;
import org.camelmindee.ocr.local.recognition.Recognizer;
import org.camelmindee.ocr.local.recognition.TesseractRecognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * Documents made to exhaust a server (HostileDocuments), sent through the real engine with one worker: each fails its
 * job with a problem that says what was wrong, and the same worker then reads an ordinary page.
 */
class HostileDocumentsTest {

    static LocalMindeeServer server;
    static TestHttp http;

    @BeforeAll
    static void start() {
        server = LocalMindeeServer.builder().workers(1).start(); // one worker: it must survive every attack
        http = new TestHttp(server.baseUrl(), "md_any");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ocr(String name, byte[] document) throws Exception {
        JsonNode job = TestHttp.json(http.postMultipart(TestHttp.form().file("file", name, document))).get("job");
        return http.awaitJob(job.get("polling_url").asText(), Duration.ofSeconds(120));
    }

    private static void assertRefused(JsonNode job, String code, String... detailParts) throws Exception {
        assertEquals("Failed", job.get("status").asText(), job.toString());
        JsonNode error = job.get("error");
        assertEquals(422, error.get("status").asInt(), error.toString());
        assertEquals(code, error.get("code").asText(), error.toString());
        for (String part : detailParts) {
            assertTrue(error.get("detail").asText().contains(part), error.toString());
        }
        // the worker lives on and reads an ordinary page
        JsonNode ordinary = ocr("page.png", TestPages.png(TestPages.draw(0).image()));
        assertEquals("Processed", ordinary.get("status").asText(), ordinary.toString());
    }

    @Test
    void aHugePngIsRefusedFromItsHeaderBeforeItIsDecoded() throws Exception {
        byte[] png = HostileDocuments.hugePng(30_000, 30_000);
        assertTrue(png.length < 200_000, "the attack is a small file: " + png.length);
        assertRefused(ocr("huge.png", png), "422-004", "30000 x 30000", "maxPagePixels");
    }

    @Test
    void aPdfPageZeroWideAndABillionPointsHighIsRefused() throws Exception {
        assertRefused(ocr("degenerate.pdf", HostileDocuments.pdfWithMediaBox("0", "1000000000")), "422-002",
                "degenerate size");
    }

    @Test
    void aPageTreeThatHoldsItselfIsABrokenPdfNotAnInternalError() throws Exception {
        assertRefused(ocr("cycle.pdf", HostileDocuments.pageTreeCycle()), "422-002", "structure is broken");
    }

    @Test
    void aPdfOfThousandsOfPagesIsRefusedBeforeTheFirstIsRead() throws Exception {
        byte[] pdf = HostileDocuments.blankPdf(5000);
        assertRefused(ocr("5000.pdf", pdf), "422-004", "5000 pages", "maxPages");
    }

    @Test
    void aTiffOfMorePagesThanTheLimitIsRefusedFromItsDirectories() throws Exception {
        assertRefused(ocr("1001.tif", HostileDocuments.blankTiff(1001, 2048, 2048)), "422-004", "more than 1000 pages");
    }

    @Test
    void aTiffOverThePixelsOfADocumentIsRefusedAndOneWithinIsReadPageByPage() throws Exception {
        DocumentLimits limits = DocumentLimits.defaults().withMaxDocumentPixels(3 * 512 * 512);
        try (TesseractRecognizer recognizer = new TesseractRecognizer(OcrSettings.defaults(), limits)) {
            List<OcrPage> pages = recognizer.recognize(HostileDocuments.blankTiff(3, 512, 512), DocumentType.TIFF);
            assertEquals(3, pages.size());
            ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class,
                    () -> recognizer.recognize(HostileDocuments.blankTiff(4, 512, 512), DocumentType.TIFF));
            assertEquals("422-004", refused.problem().code());
            assertTrue(refused.problem().detail().contains("maxDocumentPixels"), refused.problem().detail());
        }
    }

    @Test
    void anOutOfMemoryErrorFailsOnlyItsJobWithAReasonAndTheWorkerLivesOn() throws Exception {
        Recognizer exhausted = new Recognizer() {
            @Override
            public List<OcrPage> recognize(byte[] document, DocumentType type) {
                if (document.length > 1000) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return List.of(new OcrPage("", List.of()));
            }

            @Override
            public void close() {
            }
        };
        try (LocalMindeeServer one = LocalMindeeServer.builder().workers(1).recognizer(exhausted).start()) {
            TestHttp client = new TestHttp(one.baseUrl(), "md_any");
            JsonNode failed = client.awaitJob(TestHttp.json(client.postMultipart(TestHttp.form()
                    .file("file", "big.png", TestPages.png(TestPages.draw(0).image())))).get("job")
                    .get("polling_url").asText(), Duration.ofSeconds(30));
            assertEquals("Failed", failed.get("status").asText());
            assertEquals("500-001", failed.get("error").get("code").asText());
            assertTrue(failed.get("error").get("detail").asText().contains("ran out of memory"), failed.toString());
            JsonNode next = client.awaitJob(TestHttp.json(client.postMultipart(TestHttp.form()
                    .file("file", "small.png", TestPages.tinyPng()))).get("job").get("polling_url").asText(),
                    Duration.ofSeconds(30));
            assertEquals("Processed", next.get("status").asText(), next.toString());
        }
    }
}
