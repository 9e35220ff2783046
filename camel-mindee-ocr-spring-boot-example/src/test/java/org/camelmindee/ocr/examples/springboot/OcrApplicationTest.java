package org.camelmindee.ocr.examples.springboot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.SecurityPolicyResult;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application as it ships, on Spring Boot's own server, against the local engine (the Mindee API with real
 * Tesseract OCR, and signed webhooks) on a free port: the environment variables of {@code application.yaml} are set,
 * plus the server's port and an earlier first poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OcrApplicationTest {

    private static final String KEY = "md_example_test_key";
    private static final String WEBHOOK_ID = "0b1e2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String WEBHOOK_SECRET = "example-webhook-secret";
    /** Spring Boot's port, chosen first: the engine must know where to post the webhooks. */
    private static final int PORT = freePort();
    private static final LocalMindeeServer ENGINE = LocalMindeeServer.builder().port(0).apiKey(KEY).workers(1)
            .webhook(WEBHOOK_ID, "http://127.0.0.1:" + PORT + "/mindee/ocr", WEBHOOK_SECRET).start();
    private static final Path FOLDERS = createFolders();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        // what a user sets in the environment; application.yaml maps it to camel.component.mindee-ocr.*
        registry.add("MINDEE_V2_API_KEY", () -> KEY);
        registry.add("MINDEE_MODEL_ID", () -> LocalMindeeServer.MODEL_ID);
        registry.add("MINDEE_BASE_URL", ENGINE::baseUrl);
        registry.add("OCR_INBOX", () -> FOLDERS.resolve("inbox").toString());
        registry.add("OCR_OUTBOX", () -> FOLDERS.resolve("outbox").toString());
        registry.add("OCR_WEBHOOK_INBOX", () -> FOLDERS.resolve("webhook-inbox").toString());
        registry.add("MINDEE_WEBHOOK_ID", () -> WEBHOOK_ID);
        registry.add("MINDEE_WEBHOOK_SECRET", () -> WEBHOOK_SECRET);
        registry.add("server.port", () -> PORT);
        // the first poll sooner than the default 2 s: the local engine reads a line of text in well under a second
        registry.add("camel.component.mindee-ocr.poll-initial-delay", () -> "300ms");
    }

    @AfterAll
    static void stopEngine() {
        ENGINE.close();
    }

    @Test
    void theStarterConfiguredTheComponentFromApplicationYaml() {
        MindeeOcrComponent component = camelContext.getComponent("mindee-ocr", MindeeOcrComponent.class);
        assertThat(component.getConfiguration().getApiKey()).isEqualTo(KEY);
        assertThat(component.getConfiguration().getModelId()).isEqualTo(LocalMindeeServer.MODEL_ID);
        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(ENGINE.baseUrl());
        assertThat(component.getConfiguration().getPollInitialDelay()).isEqualTo(300);
        assertThat(component.getConfiguration().getWebhookSecret()).isEqualTo(WEBHOOK_SECRET);
    }

    @Test
    void theSecretsPassCamelsSecurityPolicyWithoutAWarning() {
        // application.yaml gives the secrets as Camel placeholders, so no plain-text secret is seen at start-up
        SecurityPolicyResult policy
                = camelContext.getCamelContextExtension().getContextPlugin(SecurityPolicyResult.class);
        assertThat(policy).isNotNull();
        assertThat(policy.getViolations()).isEmpty();
    }

    @Test
    void aDocumentInTheInboxBecomesItsTextInTheOutbox() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camelContext).fromRoute("ocr-inbox").whenDone(1).create();
        drop("inbox", "invoice.png", "INVOICE 4711 PAID");

        // done once the file consumer has moved the document (Camel moves it before it reports the exchange done)
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("the inbox route finished a document").isTrue();
        Path text = FOLDERS.resolve("outbox").resolve("invoice.txt");
        assertThat(Files.readString(text)).contains("INVOICE").contains("4711").contains("PAID");
        assertThat(FOLDERS.resolve("inbox").resolve(".done").resolve("invoice.png")).exists();
    }

    @Test
    void aDocumentEnqueuedComesBackThroughTheWebhookOnSpringBootsServer() throws Exception {
        NotifyBuilder written = new NotifyBuilder(camelContext).fromRoute("ocr-webhook").whenDone(1).create();
        drop("webhook-inbox", "letter.png", "DEAR CAMEL RIDER");

        // enqueued by one route; the engine posts the signed result to /mindee/ocr, and the webhook route writes it
        assertThat(written.matches(60, TimeUnit.SECONDS)).as("a webhook delivery routed").isTrue();
        Path text = FOLDERS.resolve("outbox").resolve("letter.txt");
        assertThat(Files.readString(text)).contains("CAMEL").contains("RIDER");
    }

    @Test
    void theWebhookRefusesAnUnsignedPost() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/mindee/ocr"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"inference\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    }

    @Test
    void camelsHealthChecksAreInSpringBootsHealthEndpoint() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode camel = health.path("components").path("camelHealth");
        assertThat(camel.path("status").asText()).as(response.body()).isEqualTo("UP");
        assertThat(camel.path("details").path("route:ocr-inbox").asText()).as(response.body()).isEqualTo("UP");
        // the producers' own check: the model search with the configured key answers (camel.health.producers-enabled)
        List<String> producerChecks = new ArrayList<>();
        camel.path("details").properties().forEach(e -> {
            if (e.getKey().startsWith("producer:mindee-ocr") && !e.getKey().endsWith(".data")) {
                producerChecks.add(e.getKey() + "=" + e.getValue().asText());
            }
        });
        assertThat(producerChecks).as(response.body()).isNotEmpty().allMatch(check -> check.endsWith("=UP"));
        // the webhook consumer's own check: UP while Spring Boot's server serves its path
        assertThat(camel.path("details").path("consumer:ocr-webhook").asText()).as(response.body()).isEqualTo("UP");
        assertThat(camel.path("details").path("consumer:ocr-webhook.data").path("webhook.path").asText())
                .isEqualTo("/mindee/ocr");
    }

    @Test
    void mindeeOcrsMetersAreInPrometheusAfterOcr() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camelContext).fromRoute("ocr-inbox").whenDone(1).create();
        drop("inbox", "metered.png", "METERED PAGE");
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("the inbox route finished a document").isTrue();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String scrape = response.body();
        // the endpoint by its URI in the route (Camel's sanitized form), the model by its id
        String ocr = "endpoint=\"mindee-ocr://ocr?resultFormat=text\"";
        String model = "model=\"" + LocalMindeeServer.MODEL_ID + "\"";
        assertThat(sample(scrape, "mindee_ocr_enqueues_total", ocr, model, "outcome=\"created\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_job_duration_seconds_count", ocr, model, "outcome=\"processed\"",
                "error=\"none\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_job_polls_count", ocr, model)).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_result_lag_seconds_count", ocr, model)).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_pages_total", ocr, model)).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_jobs_in_flight", ocr, model)).isGreaterThanOrEqualTo(0);
        assertThat(sample(scrape, "mindee_ocr_rate_budget_wait_seconds_count", ocr, "budget=\"enqueue\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mindee_ocr_rate_budget_available", ocr, "budget=\"read\"")).isPositive();
        assertThat(sample(scrape, "mindee_ocr_webhook_deliveries_total",
                "endpoint=\"mindee-ocr://webhook?resultFormat=text\"", "outcome=\"refused\"",
                "reason=\"signature\"")).isGreaterThanOrEqualTo(0);
        assertThat(scrape).doesNotContain(KEY).doesNotContain(WEBHOOK_SECRET);
    }

    /** The value of the one sample of {@code name} whose labels include each of {@code labels}. */
    private static double sample(String scrape, String name, String... labels) {
        List<String> lines = scrape.lines().filter(l -> l.startsWith(name + "{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains)).toList();
        assertThat(lines).as(name + " with " + List.of(labels) + " in\n" + scrape).hasSize(1);
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** Writes a page with the line on it into a folder of the application, whole, as a scanner would. */
    private static void drop(String folder, String name, String line) throws IOException {
        Path target = Files.createDirectories(FOLDERS.resolve(folder));
        Path scan = Files.createTempFile(FOLDERS, "scan", ".tmp");
        ImageIO.write(page(line), "png", scan.toFile());
        // moved in whole, so that the file consumer never reads half a file
        Files.move(scan, target.resolve(name));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page with one line of large black text on white, as a scanner would give it. */
    static BufferedImage page(String line) {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString(line, 60, 180);
        g.dispose();
        return image;
    }

    private static Path createFolders() {
        try {
            return Files.createTempDirectory("mindee-ocr-spring-boot-example");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
