package org.camelmindee.ocr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;

import static org.camelmindee.ocr.MindeeOcrWebhookTestSupport.sign;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A Camel Main application with the component and camel-platform-http-vertx, set up as docs/webhooks.md shows,
 * receives a signed webhook as a routed result and never routes an unsigned one; with a meter registry bound, as
 * docs/operations.md shows, the deliveries are counted in it.
 */
class MindeeOcrWebhookMainTest {

    private static final String SECRET = "main-app-secret";

    @Test
    void aCamelMainApplicationReceivesSignedWebhooks() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        BlockingQueue<OcrResponse> received = new LinkedBlockingQueue<>();

        Main main = new Main();
        main.addInitialProperty("mindee.webhook-secret", SECRET);
        // the registry the application binds (docs/operations.md): the component finds it and keeps its meters there
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        main.bind("meterRegistry", meters);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                // the HTTP server platform-http serves on (camel-platform-http-main's camel.server.* does the same)
                VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
                server.setBindHost("127.0.0.1");
                server.setBindPort(port);
                getContext().addService(new VertxPlatformHttpServer(server));

                from("mindee-ocr:webhook?webhookPath=/mindee/ocr&webhookSecret={{mindee.webhook-secret}}")
                        .process(e -> received.add(e.getMessage().getBody(OcrResponse.class)));
            }
        });
        main.start();
        try {
            String inference = "6d5c4b3a-2918-4f07-b6e5-d4c3b2a19087";
            byte[] body = fixture("", "webhook/result.json", "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9", inference, "main-1")
                    .getBytes(StandardCharsets.UTF_8);
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + port + "/mindee/ocr");

            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> signed = http.send(HttpRequest.newBuilder(uri).header("X-Signature", sign(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(401, unsigned.statusCode());
            assertEquals(200, signed.statusCode());
            OcrResponse result = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(result);
            assertEquals(inference, result.inference().id());
            assertNull(received.poll(200, TimeUnit.MILLISECONDS));
            assertEquals(1, meters.get("mindee.ocr.webhook.deliveries").tags("outcome", "routed").functionCounter()
                    .count());
            assertEquals(1, meters.get("mindee.ocr.webhook.deliveries").tags("outcome", "refused", "reason", "signature")
                    .functionCounter().count());
        } finally {
            main.stop();
        }
    }
}
