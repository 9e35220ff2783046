package org.camelmindee.ocr.examples.quarkus;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example on Camel Quarkus (Camel 4.17) in JVM mode, against the local engine (real Tesseract OCR) on a free port.
 */
@QuarkusTest
@QuarkusTestResource(LocalEngineResource.class)
class OcrRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate producer;

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "ocr.outbox")
    String outbox;

    @Test
    void runsOnCamel417WithTheComponentFoundThroughItsIndex() {
        assertTrue(camelContext.getVersion().startsWith("4.17."), camelContext.getVersion());
        MindeeOcrComponent component = camelContext.getComponent("mindee-ocr", MindeeOcrComponent.class);
        assertEquals(LocalMindeeServer.MODEL_ID, component.getConfiguration().getModelId());
        assertEquals(300, component.getConfiguration().getPollInitialDelay());
        assertEquals(LocalEngineResource.WEBHOOK_SECRET, component.getConfiguration().getWebhookSecret());
    }

    @Test
    void aDocumentThroughTheRouteBecomesItsText() throws Exception {
        String text = producer.requestBodyAndHeader("direct:ocr", png("RECEIPT 2024 TOTAL"),
                "CamelMindeeOcrFilename", "receipt.png", String.class);
        assertTrue(text.contains("RECEIPT") && text.contains("2024") && text.contains("TOTAL"), text);
    }

    @Test
    void aDocumentPostedToQuarkusHttpServerComesBackAsText() throws Exception {
        HttpResponse<String> response = post("ocr?filename=letter.png", png("DEAR CAMEL RIDER"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("CAMEL") && response.body().contains("RIDER"), response.body());
    }

    @Test
    void aDocumentEnqueuedComesBackThroughTheWebhookOnQuarkusHttpServer() throws Exception {
        NotifyBuilder written = new NotifyBuilder(camelContext).fromRoute("ocr-webhook").whenDone(1).create();
        HttpResponse<String> response = post("ocr/async?filename=memo.png", png("MEMO FOR THE CARAVAN"));
        assertEquals(202, response.statusCode(), response.body());

        // the engine posts the signed result to /mindee/ocr; the webhook route writes its text
        assertTrue(written.matches(60, TimeUnit.SECONDS), "no webhook delivery routed");
        Path text = Path.of(outbox, "memo.txt");
        assertTrue(Files.exists(text), "no webhook result in " + outbox);
        String content = Files.readString(text);
        assertTrue(content.contains("MEMO") && content.contains("CARAVAN"), content);
    }

    @Test
    void theWebhookRefusesAnUnsignedPost() throws Exception {
        HttpResponse<String> response = post("mindee/ocr", "{\"inference\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void theMindeeHealthChecksAreInQuarkusHealthEndpoint() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(root.resolve("q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        // camel-microprofile-health shows Camel's producer and consumer checks as one entry each
        assertTrue(response.body().contains("camel-producers") && response.body().contains("camel-consumers"),
                response.body());

        // the mindee-ocr checks behind them: the producer's model search, and the webhook consumer's path
        Map<String, HealthCheck.State> checks = new TreeMap<>();
        for (String repository : new String[] { "producers", "consumers" }) {
            HealthCheckRepository checksOf = HealthCheckHelper.getHealthCheckRepository(camelContext, repository);
            assertNotNull(checksOf, repository);
            checksOf.stream().forEach(check -> checks.put(check.getId(), check.call().getState()));
        }
        assertTrue(checks.entrySet().stream().anyMatch(
                e -> e.getKey().startsWith("producer:mindee-ocr") && e.getValue() == HealthCheck.State.UP), checks::toString);
        assertEquals(HealthCheck.State.UP, checks.get("consumer:ocr-webhook"), checks::toString);
    }

    @Test
    void mindeeOcrsMetersAreInQuarkusMetrics() throws Exception {
        String text = producer.requestBodyAndHeader("direct:ocr", png("METERED PAGE"), "CamelMindeeOcrFilename",
                "metered.png", String.class);
        assertTrue(text.contains("METERED"), text);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(root.resolve("q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String scrape = response.body();
        String model = "model=\"" + LocalMindeeServer.MODEL_ID + "\"";
        for (String meter : new String[] { "mindee_ocr_enqueues_total", "mindee_ocr_job_duration_seconds_count",
                "mindee_ocr_job_polls_count", "mindee_ocr_pages_total" }) {
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith(meter + "{") && l.contains(model)
                    && l.contains("endpoint=\"mindee-ocr://ocr")), meter + " in\n" + scrape);
        }
        assertTrue(scrape.contains("mindee_ocr_webhook_deliveries_total{"), scrape);
        assertFalse(scrape.contains(LocalEngineResource.KEY), "the API key in /q/metrics");
        assertFalse(scrape.contains(LocalEngineResource.WEBHOOK_SECRET), "the webhook secret in /q/metrics");
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(root.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page with one line of large black text on white. */
    static byte[] png(String line) throws Exception {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString(line, 60, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
