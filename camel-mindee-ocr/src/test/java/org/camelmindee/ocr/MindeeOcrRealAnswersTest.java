package org.camelmindee.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobResponse;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.ModelsResponse;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The model against Mindee's real answers, read from the shared test data beside the project (not copied into it);
 * skipped where that folder is absent.
 */
class MindeeOcrRealAnswersTest {

    private static final Path V2 = Path.of("..", "..", "shared", "mindee-test-data", "v2");

    private static <T> T read(String path, Class<T> type) throws Exception {
        Path file = V2.resolve(path);
        assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file.toAbsolutePath());
        return MindeeJson.mapper().readValue(file.toFile(), type);
    }

    @Test
    void singlePageResult() throws Exception {
        OcrResponse response = read("products/ocr/ocr_single.json", OcrResponse.class);

        assertEquals(1, response.pageCount());
        assertEquals(305, response.wordCount());
        assertEquals("image/jpeg", response.inference().file().mimeType());
        OcrWord first = response.inference().result().pages().get(0).words().get(0);
        assertEquals("Shipper:", first.content());
        assertEquals(4, first.polygon().size());
        assertTrue(response.text().contains("Shipper"));
    }

    @Test
    void threePageResultJoinsPagesWithAFormFeed() throws Exception {
        OcrResponse response = read("products/ocr/ocr_multiple.json", OcrResponse.class);

        assertEquals(3, response.inference().file().pageCount());
        assertEquals(295 + 450 + 355, response.wordCount());
        assertEquals(3, response.text().split("\f", -1).length);
    }

    @Test
    void jobsWithAndWithoutZoneProcessingProcessedAndFailed() throws Exception {
        Job processing = read("job/ok_processing.json", JobResponse.class).job();
        assertEquals(JobStatus.PROCESSING, processing.status());
        assertNull(processing.resultUrl());
        assertEquals(Instant.parse("2025-07-03T14:27:58.974451Z"), processing.createdAt());

        Job processed = read("job/ok_processed_webhooks_ok.json", JobResponse.class).job();
        assertTrue(processed.isProcessed());
        assertEquals("Processed", processed.webhooks().get(0).status());

        Job failed = read("job/fail_422.json", JobResponse.class).job();
        assertTrue(failed.isFailed());
        assertEquals("422-001", failed.error().code());
        assertEquals("#/model_id", failed.error().errors().get(0).pointer());
    }

    @Test
    void problemsAndModels() throws Exception {
        ErrorResponse missing = read("errors/error_401_missing_credentials.json", ErrorResponse.class);
        assertEquals("401-008", missing.code());
        ModelsResponse models = read("search/models.json", ModelsResponse.class);
        assertEquals(5, models.models().size());
        assertEquals(2, models.models().get(0).webhooks().size());
        assertTrue(models.models().get(4).webhooks().isEmpty(), "a model without a webhooks key");
    }
}
