package org.camelmindee.ocr.local;

import static org.camelmindee.ocr.local.TestHttp.form;
import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.jobs.WebhookEndpoint;
import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookFailure;

/** Webhooks: the result or the failure payload POSTed, signed as Mindee signs, recorded on the job. */
class WebhookDeliveryTest {

    static final String OK_ID = "aaaaaaaa-1111-4222-8333-444444444444";
    static final String BROKEN_ID = "bbbbbbbb-1111-4222-8333-444444444444";
    static final String SECRET = "s3cr3t-webhook-key";

    /** @param upgrade the Upgrade header, if any: Mindee posts plain HTTP/1.1 and offers no h2c upgrade */
    record Delivery(String path, String signature, byte[] body, String protocol, String upgrade) {
    }

    HttpServer receiver;
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger brokenCalls = new AtomicInteger();

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            deliveries.add(new Delivery("/hook", exchange.getRequestHeaders().getFirst("X-Signature"),
                    exchange.getRequestBody().readAllBytes(), exchange.getProtocol(),
                    exchange.getRequestHeaders().getFirst("Upgrade")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            brokenCalls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void resultIsPostedSignedAndRecordedOnTheJob() throws Exception {
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .webhook(OK_ID, url("/hook"), SECRET).webhook(BROKEN_ID, url("/broken"), "other")
                .webhookRetries(2, Duration.ofMillis(50)).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            // the webhooks are listed on the model
            JsonNode model = TestHttp.json(http.get("/v2/search/models")).get("models").get(0);
            assertEquals(2, model.get("webhooks").size());
            assertFalse(http.get("/v2/search/models").body().contains(SECRET), "secrets are never shown");

            JsonNode job = TestHttp.json(http.postMultipart(form().field("webhook_ids", OK_ID + "," + BROKEN_ID)
                    .field("alias", "hooked").file("file", "w.png", TestPages.tinyPng()))).get("job");
            Delivery delivery = deliveries.poll(10, TimeUnit.SECONDS);
            assertNotNull(delivery, "the webhook was called");
            assertEquals("HTTP/1.1", delivery.protocol());
            assertNull(delivery.upgrade(), "no h2c upgrade offered");
            assertEquals(hmac(delivery.body(), SECRET), delivery.signature());
            assertTrue(delivery.signature().matches("[0-9a-f]{64}"), "lower-case hex");
            OcrResponse posted = MindeeJson.mapper().readValue(delivery.body(), OcrResponse.class);
            assertEquals(job.get("id").asText(), posted.inference().job().id());
            assertEquals("hooked", posted.inference().file().alias());
            assertEquals("hello world", posted.text());

            // both deliveries end up recorded: one processed, the other failed after its two attempts
            JsonNode webhooks = awaitWebhooks(http, job.get("polling_url").asText());
            for (JsonNode w : webhooks) {
                if (w.get("id").asText().equals(OK_ID)) {
                    assertEquals("Processed", w.get("status").asText());
                    assertEquals(1, w.get("attempts_count").asInt());
                    assertTrue(w.get("error").isNull());
                } else {
                    assertEquals("Failed", w.get("status").asText());
                    assertEquals(2, w.get("attempts_count").asInt());
                    assertTrue(w.get("error").get("detail").asText().contains("500"));
                }
                assertFalse(w.get("created_at").asText().isBlank());
            }
            assertEquals(2, brokenCalls.get());
        }
    }

    @Test
    void aFailedJobPostsTheFailurePayload() throws Exception {
        StubRecognizer failing = new StubRecognizer();
        failing.failure = new ProblemException(Problems.unreadableDocument("The PDF is corrupt and cannot be read."));
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(failing).workers(1)
                .webhook(OK_ID, url("/hook"), SECRET).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            JsonNode job = TestHttp.json(http.postMultipart(form().field("webhook_ids", OK_ID).field("alias", "al")
                    .file("file", "bad.png", TestPages.tinyPng()))).get("job");
            Delivery delivery = deliveries.poll(10, TimeUnit.SECONDS);
            assertNotNull(delivery);
            assertEquals(hmac(delivery.body(), SECRET), delivery.signature());
            JsonNode raw = MindeeJson.mapper().readTree(delivery.body());
            for (String field : new String[] { "inference_id", "model_id", "file_name", "file_alias", "error",
                "created_at" }) {
                assertTrue(raw.has(field), field + " in " + raw);
            }
            WebhookFailure failure = MindeeJson.mapper().readValue(delivery.body(), WebhookFailure.class);
            assertEquals("bad.png", failure.fileName());
            assertEquals("al", failure.fileAlias());
            assertEquals(422, failure.error().status());
            assertEquals("Failed", http.awaitJob(job.get("polling_url").asText(), Duration.ofSeconds(5))
                    .get("status").asText());
        }
    }

    @Test
    void deleteOnFetchDeletesTheResultOnceAWebhookHasIt() throws Exception {
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .deleteOnFetch(true).webhook(OK_ID, url("/hook"), SECRET).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            JsonNode job = TestHttp.json(http.postMultipart(form().field("webhook_ids", OK_ID)
                    .file("file", "w.png", TestPages.tinyPng()))).get("job");
            assertNotNull(deliveries.poll(10, TimeUnit.SECONDS));
            JsonNode webhooks = awaitWebhooks(http, job.get("polling_url").asText());
            assertEquals("Processed", webhooks.get(0).get("status").asText());
            String resultUrl = http.awaitJob(job.get("polling_url").asText(), Duration.ofSeconds(5))
                    .get("result_url").asText();
            ApiRoutesTest.assertProblem(http.get(resultUrl), 404, "404-001");
        }
    }

    @Test
    void webhookSpecsParseAndHideTheirSecret() {
        WebhookEndpoint endpoint = WebhookEndpoint.parse(OK_ID + "=https://hooks.example.test/x?a=1,topsecret");
        assertEquals("https://hooks.example.test/x?a=1", endpoint.url().toString());
        assertEquals("topsecret", endpoint.secret());
        assertFalse(endpoint.toString().contains("topsecret"));
        assertThrows(IllegalArgumentException.class, () -> WebhookEndpoint.parse("no-secret-here"));
    }

    private static JsonNode awaitWebhooks(TestHttp http, String pollingUrl) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode webhooks = TestHttp.json(http.get(pollingUrl + "?redirect=false")).get("job").get("webhooks");
            boolean settled = webhooks.size() > 0;
            for (JsonNode w : webhooks) {
                settled &= !"Processing".equals(w.get("status").asText());
            }
            if (settled) {
                return webhooks;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("webhook deliveries not settled");
    }

    static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
