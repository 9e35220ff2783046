package org.camelmindee.ocr.local;

import static org.camelmindee.ocr.local.ApiRoutesTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

/** The smaller items of hardening: what a client is told to do after a 429, whose URLs it gets, names, downloads. */
class RequestHygieneTest {

    @Test
    void aFullQueueSaysWhenToRetry() throws Exception {
        StubRecognizer recognizer = new StubRecognizer();
        recognizer.gate = new CountDownLatch(1);
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(recognizer).workers(1).queueCapacity(1)
                .start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            byte[] png = ApiRoutesTest.tinyPng();
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
            TestHttp.Form upload = form().file("file", "a.png", ApiRoutesTest.tinyPng());
            HttpResponse<String> answer = http.send(http.request("/v2/products/ocr/enqueue")
                    .header("Content-Type", upload.contentType())
                    .header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "http")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload.bytes())).build());
            assertEquals(202, answer.statusCode(), answer.body());
            JsonNode job = TestHttp.json(answer).get("job");
            assertTrue(job.get("polling_url").asText().startsWith("https://ocr.example.com/v2/jobs/"), job.toString());
        }
    }

    @Test
    void fileNamesLoseControlCharactersAndAreShortened() {
        assertEquals("invoice.pdf", FileNames.clean("in\u0000voice.pdf"));
        String longName = FileNames.clean("a".repeat(10_000) + ".pdf");
        assertEquals(FileNames.MAX_LENGTH, longName.length());
        assertTrue(longName.endsWith(".pdf"));
        assertEquals(null, FileNames.clean("\u0000\r\n"));
    }

    @Test
    void aUrlWhoseBodyTricklesIsCutOffAtTheDeadline() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/doc.pdf", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write('%');
                    out.flush();
                    Thread.sleep(200); // one byte every 200 ms: 200 s for the whole body
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the downloader hung up
            }
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.start();
        try {
            UrlDownloader downloader = new UrlDownloader(1_000_000, Duration.ofSeconds(2));
            ProblemException refused = assertThrows(ProblemException.class, () -> downloader.download(URI.create(
                    "http://127.0.0.1:" + slow.getAddress().getPort() + "/doc.pdf")));
            assertEquals("422-003", refused.problem().code());
            assertTrue(refused.problem().detail().contains("did not finish within 2 seconds"),
                    refused.problem().detail());
        } finally {
            slow.stop(0);
        }
    }
}
