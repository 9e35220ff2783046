package org.camelmindee.ocr.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/webhooks.md's no-Java path on Camel Main: {@code webhook-yaml/webhook.camel.yaml} (the HTTP server as a bean, the
 * webhook route) and properties only. The local mindee delivers a signed result; its text lands in the outbox.
 */
class YamlWebhookMainTest {

    private static final String WEBHOOK_ID = "5b2e9c40-7d1a-4e3f-8a6b-2c4d6e8f0a1b";
    private static final String SECRET = "whsec-yaml-test-only";

    @TempDir
    Path outbox;

    @Test
    void aYamlOnlyApplicationReceivesMindeesWebhooks() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        String url = "http://127.0.0.1:" + port + "/mindee/ocr";
        try (LocalMindeeServer mindee = LocalMindeeServer.builder().workers(1).webhook(WEBHOOK_ID, url, SECRET).start()) {
            Main main = new Main();
            // what application.properties would hold
            main.addInitialProperty("camel.main.routes-include-pattern", "classpath:webhook-yaml/webhook.camel.yaml");
            main.addInitialProperty("webhook.host", "127.0.0.1");
            main.addInitialProperty("webhook.port", String.valueOf(port));
            main.addInitialProperty("webhook.outbox", outbox.toString());
            main.addInitialProperty("mindee.webhook-secret", SECRET);
            main.addInitialProperty("camel.component.mindee-ocr.api-key", "md_yaml");
            main.addInitialProperty("camel.component.mindee-ocr.model-id", LocalMindeeServer.MODEL_ID);
            main.addInitialProperty("camel.component.mindee-ocr.base-url", mindee.baseUrl());
            main.start();
            try {
                HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, unsigned.statusCode(), "the YAML route's consumer serves the path and checks signatures");

                // the sending side, as any route would: enqueue with the webhook id
                ProducerTemplate template = main.getCamelContext().createProducerTemplate();
                template.send("mindee-ocr:enqueue?webhookIds=" + WEBHOOK_ID, e -> {
                    e.getMessage().setBody(LocalMindeeForTests.sample("scanned-letter.png"));
                    e.getMessage().setHeader(Exchange.FILE_NAME, "scanned-letter.png");
                    e.getMessage().setHeader("CamelMindeeOcrAlias", "letter-1");
                });

                Path text = outbox.resolve("letter-1.txt");
                // the file may exist before its text is written: wait for the text
                for (int i = 0; i < 600 && !(Files.exists(text) && Files.readString(text).contains("Harbour Lane")); i++) {
                    Thread.sleep(100);
                }
                assertTrue(Files.exists(text), "the result's text is written by the YAML route");
                assertTrue(Files.readString(text).contains("Harbour Lane Books"), Files.readString(text));
            } finally {
                main.stop();
            }
        }
    }
}
