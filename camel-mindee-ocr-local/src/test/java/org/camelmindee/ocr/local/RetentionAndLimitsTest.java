package org.camelmindee.ocr.local;

import static org.camelmindee.ocr.local.ApiRoutesTest.assertProblem;
import static org.camelmindee.ocr.local.TestHttp.form;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results kept for the retention time, deleted on fetch when asked, and the account's rate limits. */
class RetentionAndLimitsTest {

    static byte[] png;

    @BeforeAll
    static void image() throws Exception {
        png = TestPages.tinyPng();
    }

    @Test
    void resultsExpireAfterTheRetentionTime() throws Exception {
        MutableClock clock = new MutableClock();
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .clock(clock).retention(Duration.ofHours(2)).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            JsonNode job = http.awaitJob(TestHttp.json(http.postMultipart(form().file("file", "a.png", png)))
                    .get("job").get("polling_url").asText(), Duration.ofSeconds(10));
            String resultUrl = job.get("result_url").asText();
            clock.advance(Duration.ofMinutes(119));
            assertEquals(200, http.get(resultUrl).statusCode());
            clock.advance(Duration.ofMinutes(1));
            assertProblem(http.get(resultUrl), 404, "404-001");
            assertProblem(http.get(job.get("polling_url").asText()), 404, "404-001");
            assertEquals(0, server.jobCount());
        }
    }

    @Test
    void deleteOnFetchDeletesTheResultAtTheFirstFetch() throws Exception {
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .deleteOnFetch(true).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            JsonNode job = http.awaitJob(TestHttp.json(http.postMultipart(form().file("file", "a.png", png)))
                    .get("job").get("polling_url").asText(), Duration.ofSeconds(10));
            String resultUrl = job.get("result_url").asText();
            assertEquals(200, http.get(resultUrl).statusCode());
            assertProblem(http.get(resultUrl), 404, "404-001");
        }
    }

    @Test
    void rateLimitsAnswer429PerMethod() throws Exception {
        // a factor of 0.01: 2 POST and 12 GET a minute
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .rateLimits(0.01).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            assertEquals(202, http.postMultipart(form().file("file", "a.png", png)).statusCode());
            assertEquals(202, http.postMultipart(form().file("file", "a.png", png)).statusCode());
            HttpResponse<String> third = http.postMultipart(form().file("file", "a.png", png));
            assertProblem(third, 429, "429-001");
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            int ok = 0;
            HttpResponse<String> get = null;
            for (int i = 0; i < 13; i++) {
                get = http.get("/v2/search/models");
                if (get.statusCode() == 200) {
                    ok++;
                }
            }
            assertEquals(12, ok, "GETs have their own budget");
            assertProblem(get, 429, "429-001");
        }
    }
}
