package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** HTTPS with the generated certificate, and the command line and environment options. */
class HttpsAndCliTest {

    @Test
    void servesHttpsWithASelfSignedCertificateAndHttpsUrls() throws Exception {
        try (LocalMindeeServer server = LocalMindeeServer.builder().port(-1).httpsPort(0)
                .recognizer(new StubRecognizer()).workers(1).start()) {
            assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"), server.baseUrl());
            assertTrue(server.certificate().pem().startsWith("-----BEGIN CERTIFICATE-----"));
            HttpClient trusting = HttpClient.newBuilder().sslContext(server.certificate().clientContext())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            TestHttp http = new TestHttp(trusting, server.baseUrl(), "md_any");
            HttpResponse<String> enqueue = http.postMultipart(TestHttp.form()
                    .file("file", "s.png", TestPages.tinyPng()));
            assertEquals(202, enqueue.statusCode(), enqueue.body());
            String polling = TestHttp.json(enqueue).get("job").get("polling_url").asText();
            assertTrue(polling.startsWith("https://"), polling);
            JsonNode job = http.awaitJob(polling, Duration.ofSeconds(10));
            assertTrue(job.get("result_url").asText().startsWith("https://"), "the Node client refuses http results");

            // a client that does not trust the certificate fails the handshake: it is really TLS
            TestHttp untrusting = new TestHttp(server.baseUrl(), "md_any");
            assertThrows(SSLHandshakeException.class, () -> untrusting.get("/v2/search/models"));
        }
    }

    @Test
    void commandLineOverridesTheEnvironment() {
        Map<String, List<String>> options = LocalServerMain.parse(new String[] { "--port", "0", "--workers=1",
            "--webhook", "aaaaaaaa-1111-4222-8333-444444444444=http://127.0.0.1:9/h,k1", "--delete-on-fetch" },
                Map.of("MINDEE_LOCAL_PORT", "9999", "MINDEE_LOCAL_API_KEY", "md_env",
                        "MINDEE_LOCAL_WEBHOOKS", "bbbbbbbb-1111-4222-8333-444444444444=http://127.0.0.1:9/a,k2;"
                                + "cccccccc-1111-4222-8333-444444444444=http://127.0.0.1:9/b,k3",
                        "MINDEE_LOCAL_RETENTION", "90m"));
        ServerConfig config = LocalServerMain.configure(options).config();
        assertEquals(0, config.port());
        assertEquals(1, config.workers());
        assertEquals("md_env", config.apiKey());
        assertTrue(config.deleteOnFetch());
        assertEquals(Duration.ofMinutes(90), config.retention());
        assertEquals(1, config.webhooks().size(), "--webhook on the command line replaces the environment's list");
        assertFalse(config.toString().contains("md_env"), "the key is never printed");
        assertFalse(config.toString().contains("k1"), "nor the secrets");
        assertThrows(IllegalArgumentException.class, () -> LocalServerMain.parse(new String[] { "--nope" }, Map.of()));
        assertEquals(Duration.ofHours(12), LocalServerMain.duration("12h"));
        assertEquals(Duration.ofMillis(1500), LocalServerMain.duration("1500ms"));
        assertEquals(Duration.ofHours(1), LocalServerMain.duration("PT1H"));
    }
}
