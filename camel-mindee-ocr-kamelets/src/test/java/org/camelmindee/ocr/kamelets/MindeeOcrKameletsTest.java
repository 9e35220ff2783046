package org.camelmindee.ocr.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's Kamelets in a YAML route, run by camel-kamelet and camel-yaml-dsl on the Camel 4.18 line, against the
 * local engine (real OCR): the action reads real scans; the webhook source receives the engine's signed deliveries and
 * refuses an unsigned one.
 */
class MindeeOcrKameletsTest {

    private static final String API_KEY = "md_kamelets_test";
    private static final String WEBHOOK_ID = "2f0c1a6e-5b7d-4c3e-9a81-7d6e5f4c3b2a";
    private static final String WEBHOOK_SECRET = "kamelet-webhook-secret";

    private static LocalMindeeServer mindee;
    private static CamelContext context;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        mindee = LocalMindeeServer.builder().apiKey(API_KEY).workers(2)
                .webhook(WEBHOOK_ID, "http://127.0.0.1:" + port + "/mindee/results", WEBHOOK_SECRET).start();

        context = new DefaultCamelContext();
        // the HTTP server platform-http serves on (Camel JBang and camel-platform-http-main start the same)
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        // the Kamelets do not expose the poll delays; short ones keep the test short (defaults: 2 s, then 1 s)
        MindeeOcrComponent component = context.getComponent("mindee-ocr", MindeeOcrComponent.class);
        component.getConfiguration().setPollInitialDelay(200);
        component.getConfiguration().setPollInterval(200);
        Properties p = new Properties();
        p.setProperty("mindee.api-key", API_KEY);
        p.setProperty("mindee.model-id", LocalMindeeServer.MODEL_ID);
        p.setProperty("mindee.base-url", mindee.baseUrl());
        p.setProperty("mindee.webhook-id", WEBHOOK_ID);
        p.setProperty("mindee.webhook-secret", WEBHOOK_SECRET);
        context.getPropertiesComponent().setOverrideProperties(p);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/kamelets.camel.yaml"));
        context.start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
        if (mindee != null) {
            mindee.close();
        }
    }

    @Test
    void theActionKameletTurnsAScanIntoItsText() throws Exception {
        ProducerTemplate producer = context.createProducerTemplate();
        Exchange out = producer.request("direct:ocr-text", e -> {
            e.getMessage().setBody(sample("photo-receipt.jpg"));
            e.getMessage().setHeader(Exchange.FILE_NAME, "photo-receipt.jpg");
        });

        assertNull(out.getException());
        assertTrue(out.getMessage().getBody() instanceof String, String.valueOf(out.getMessage().getBody()));
        assertTrue(out.getMessage().getBody(String.class).contains("GREEN STREET MARKET"),
                out.getMessage().getBody(String.class));
        assertEquals(1, out.getMessage().getHeader("CamelMindeeOcrPageCount", Integer.class));
        assertTrue(context.getVersion().startsWith(System.getProperty("mindee.expectCamelVersion", "4.18")),
                "runs on the Camel line of the pom: " + context.getVersion());
    }

    @Test
    void theActionKameletGivesMindeesJsonWhenAsked() throws Exception {
        String json = context.createProducerTemplate().requestBodyAndHeader("direct:ocr-json",
                sample("scanned-letter.png"), Exchange.FILE_NAME, "scanned-letter.png", String.class);

        assertTrue(json.startsWith("{\"inference\""), json);
        assertTrue(json.contains("Harbour Lane Books"), json);
        assertTrue(json.contains("\"alias\":\"kamelet-json\""), json);
    }

    @Test
    void theWebhookSourceRoutesEachSignedResultAndRefusesUnsignedOnes() throws Exception {
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mindee/results"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"inference\":{}}", StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());

        // the local engine delivers the result signed with the webhook's secret, as Mindee does
        Exchange enqueued = context.createProducerTemplate().request("direct:enqueue", e -> {
            e.getMessage().setBody(sample("scanned-letter.png"));
            e.getMessage().setHeader(Exchange.FILE_NAME, "scanned-letter.png");
            e.getMessage().setHeader("CamelMindeeOcrAlias", "by-webhook");
        });
        assertNull(enqueued.getException());
        String jobId = enqueued.getMessage().getHeader("CamelMindeeOcrJobId", String.class);
        assertNotNull(jobId);

        ConsumerTemplate consumer = context.createConsumerTemplate();
        Exchange delivered = consumer.receive("seda:results", 30_000);
        assertNotNull(delivered, "no webhook result within 30 s");
        assertEquals(jobId, delivered.getMessage().getHeader("CamelMindeeOcrJobId"));
        assertEquals("by-webhook", delivered.getMessage().getHeader("CamelMindeeOcrAlias"));
        assertTrue(delivered.getMessage().getBody(String.class).contains("Harbour Lane Books"),
                delivered.getMessage().getBody(String.class));
        assertNull(consumer.receive("seda:results", 300), "the unsigned request was not routed");
    }

    @Test
    void theSecretsAreMaskedInEveryEndpointUriCamelShows() throws Exception {
        context.createProducerTemplate().requestBodyAndHeader("direct:ocr-text", sample("scanned-letter.png"),
                Exchange.FILE_NAME, "scanned-letter.png", String.class);

        // the Kamelets' endpoints and the mindee-ocr endpoints they make, as logs and consoles show them
        List<String> shown = context.getEndpoints().stream().map(Object::toString).toList();
        assertTrue(shown.stream().anyMatch(uri -> uri.startsWith("kamelet:mindee-ocr-action?")), shown.toString());
        assertTrue(shown.stream().anyMatch(uri -> uri.startsWith("mindee-ocr://webhook?")), shown.toString());
        for (String uri : shown) {
            assertFalse(uri.contains(API_KEY) || uri.contains(WEBHOOK_SECRET), uri);
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = MindeeOcrKameletsTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
