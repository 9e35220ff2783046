package org.camelmindee.ocr.local;

import static org.camelmindee.ocr.local.TestHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The smaller items of hardening seen by a client: what it is told to do after a 429, whose URLs it gets (file names:
 * {@code http.FileNamesTest}; downloads: {@code jobs.UrlDownloaderTest}).
 */
class RequestHygieneTest {

    @Test
    void aFullQueueSaysWhenToRetry() throws Exception {
        StubRecognizer recognizer = new StubRecognizer();
        recognizer.gate = new CountDownLatch(1);
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(recognizer).workers(1).queueCapacity(1)
                .start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            byte[] png = TestPages.tinyPng();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4 && (last == null || last.statusCode() == 202); i++) {
                last = http.postMultipart(form().file("file", "a.png", png));
            }
            ApiRoutesTest.assertProblem(last, 429, "429-002");
            assertTrue(last.headers().firstValue("Retry-After").isPresent(), last.headers().toString());
            recognizer.gate.countDown();
        }
    }

    @Test
    void aConfiguredPublicUrlIsWhatClientsGetWhateverTheHeadersSay() throws Exception {
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .publicBaseUrl("https://ocr.example.com/").start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            TestHttp.Form upload = form().file("file", "a.png", TestPages.tinyPng());
            HttpResponse<String> answer = http.send(http.request("/v2/products/ocr/enqueue")
                    .header("Content-Type", upload.contentType())
                    .header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "http")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload.bytes())).build());
            assertEquals(202, answer.statusCode(), answer.body());
            JsonNode job = TestHttp.json(answer).get("job");
            assertTrue(job.get("polling_url").asText().startsWith("https://ocr.example.com/v2/jobs/"), job.toString());
        }
    }
}
