package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * Mindee's own test documents (../shared/mindee-test-data, read in place, not copied) through the real server: every
 * accepted image type, the PDFs the API refuses, and the agreement with Mindee's OCR on the bill of lading. Skipped
 * when the shared data is not beside the project.
 */
class SharedDocumentsTest {

    static Path data;
    static LocalMindeeServer server;
    static TestHttp http;

    @BeforeAll
    static void start() {
        data = SharedTestData.dir();
        assumeTrue(data != null, SharedTestData.skipReason());
        server = LocalMindeeServer.builder().workers(2).apiKey("md_shared").start();
        http = new TestHttp(server.baseUrl(), "md_shared");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode ocr(Path file) throws Exception {
        JsonNode job = TestHttp.json(http.postMultipart(TestHttp.form()
                .file("file", file.getFileName().toString(), Files.readAllBytes(file)))).get("job");
        return http.awaitJob(job.get("polling_url").asText(), Duration.ofSeconds(60));
    }

    private OcrResponse result(JsonNode job) throws Exception {
        assertEquals("Processed", job.get("status").asText(), job.toString());
        return MindeeJson.mapper().readValue(http.get(job.get("result_url").asText()).body(), OcrResponse.class);
    }

    @Test
    void everyImageTypeOfTheReceiptIsRead() throws Exception {
        for (String name : List.of("receipt.jpg", "receipt.png", "receipt.tif", "receipt.webp")) {
            OcrResponse result = result(ocr(data.resolve("file_types").resolve(name)));
            String mime = result.inference().file().mimeType();
            assertEquals(name.endsWith("jpg") ? "image/jpeg" : name.endsWith("png") ? "image/png"
                    : name.endsWith("tif") ? "image/tiff" : "image/webp", mime);
            assertTrue(result.wordCount() >= 20, name + ": " + result.text());
        }
    }

    @Test
    void heicIsAFailedJobWithAClearProblem() throws Exception {
        JsonNode job = ocr(data.resolve("file_types/receipt.heic"));
        assertEquals("Failed", job.get("status").asText());
        assertEquals(422, job.get("error").get("status").asInt());
        assertTrue(job.get("error").get("detail").asText().contains("HEIC"));
    }

    @Test
    void encryptedAndBrokenPdfsAreFailedJobs() throws Exception {
        JsonNode encrypted = ocr(data.resolve("file_types/pdf/XfaForm_15p_encrypted.pdf"));
        assertEquals("Failed", encrypted.get("status").asText());
        assertTrue(encrypted.get("error").get("detail").asText().contains("encrypted"), encrypted.toString());
        // this one has lost its %PDF- header: it is refused at enqueue already
        var broken = http.postMultipart(TestHttp.form().file("file", "broken.pdf",
                Files.readAllBytes(data.resolve("file_types/pdf/broken_unfixable.pdf"))));
        ApiRoutesTest.assertField(broken, "#/file", "corrupt");
    }

    @Test
    void pdfsGiveOnePagePerPage() throws Exception {
        for (String name : List.of("file_types/pdf/multipage.pdf", "file_types/pdf/blank.pdf",
                "file_types/pdf/not_blank_image_only.pdf", "v2/products/split/invoice_5p.pdf")) {
            Path file = data.resolve(name);
            int expected;
            try (var doc = Loader.loadPDF(file.toFile())) {
                expected = doc.getNumberOfPages();
            }
            OcrResponse result = result(ocr(file));
            assertEquals(expected, result.inference().file().pageCount(), name);
            assertEquals(expected, result.pageCount(), name);
            assertEquals("application/pdf", result.inference().file().mimeType());
            if (name.contains("invoice_5p")) {
                assertTrue(result.wordCount() > 50, result.text());
            }
        }
    }

    @Test
    void agreesWithMindeeOnTheBillOfLading() throws Exception {
        Path dir = data.resolve("v2/products/ocr");
        OcrPage mindee = MindeeJson.mapper().readValue(dir.resolve("ocr_single.json").toFile(), OcrResponse.class)
                .inference().result().pages().get(0);
        OcrResponse local = result(ocr(dir.resolve("bill_of_lading.jpg")));
        WordAgreement agreement = WordAgreement.of(mindee.words(), local.inference().result().pages().get(0).words(), 0.5);
        System.out.println("bill of lading vs Mindee: " + agreement);
        assertTrue(agreement.f1() >= 0.94, agreement.toString());
    }
}
