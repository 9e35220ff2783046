package org.camelmindee.ocr.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelmindee.ocr.MindeeOcrWebhookConsumer;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WebhookRoutes} end to end: documents enqueued with webhook ids, the local mindee delivers each signed result
 * to {@code mindee-ocr:webhook} on a Vert.x server (what camel-platform-http-vertx gives Camel Main). Two webhooks of the
 * model share the URL, so every result arrives twice: each is routed once, the second delivery answered as a duplicate.
 */
class WebhookFlowTest extends CamelTestSupport {

    static final String WEBHOOK_ID = "7e3f5a10-4b2c-4d6e-9f81-0a1b2c3d4e5f";
    static final String SAME_URL_WEBHOOK_ID = "0c4d8e21-5a3b-4f7c-8e92-1b2c3d4e5f60";
    static final String WEBHOOK_SECRET = "whsec-examples-test-only";

    @TempDir
    static Path dir;

    private MindeeConnection mindee;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        int port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));

        // the local mindee knows the webhooks as Mindee's web app would: their ids, their URL, their signing secret
        String url = "http://127.0.0.1:" + port + "/mindee/ocr";
        mindee = MindeeConnection.local(LocalMindeeServer.builder().workers(2)
                .webhook(WEBHOOK_ID, url, WEBHOOK_SECRET)
                .webhook(SAME_URL_WEBHOOK_ID, url, WEBHOOK_SECRET));
        Properties p = new Properties();
        p.setProperty("webhook.inbox", dir.resolve("inbox").toString());
        p.setProperty("webhook.outbox", dir.resolve("outbox").toString());
        p.setProperty("ocr.documents", "*.png,*.jpg,*.pdf");
        p.setProperty("mindee.webhook-id", WEBHOOK_ID + "," + SAME_URL_WEBHOOK_ID);
        p.setProperty("mindee.webhook-secret", WEBHOOK_SECRET);
        LocalMindeeForTests.configure(context, mindee, p);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new WebhookRoutes();
    }

    @AfterEach
    void stopEngine() {
        if (mindee != null) {
            mindee.close();
        }
    }

    @Test
    void eachResultComesByWebhookExactlyOnce() throws Exception {
        NotifyBuilder enqueued = new NotifyBuilder(context).fromRoute("ocr-enqueue").whenExactlyCompleted(2).create();
        NotifyBuilder delivered = new NotifyBuilder(context).fromRoute("ocr-webhook").whenExactlyCompleted(2)
                .and().fromRoute("ocr-webhook").whenExactlyFailed(0).create();

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.write(inbox.resolve("scanned-letter.png"), LocalMindeeForTests.sample("scanned-letter.png"));
        Files.write(inbox.resolve("photo-receipt.jpg"), LocalMindeeForTests.sample("photo-receipt.jpg"));

        assertTrue(enqueued.matches(30, TimeUnit.SECONDS), "both documents enqueued");
        assertTrue(delivered.matches(60, TimeUnit.SECONDS), "both results delivered");
        MindeeOcrWebhookConsumer consumer = (MindeeOcrWebhookConsumer) context.getRoute("ocr-webhook").getConsumer();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (consumer.getStatistics().duplicates() < 2 && System.nanoTime() < until) {
            Thread.sleep(50);   // the second delivery of each result: answered 200, not routed
        }
        assertEquals(2, consumer.getStatistics().duplicates(), "each result delivered a second time");
        assertTrue(delivered.matches(), "each result routed exactly once");

        Path outbox = dir.resolve("outbox");
        assertTrue(Files.readString(outbox.resolve("scanned-letter.txt")).contains("Harbour Lane Books"));
        assertTrue(Files.readString(outbox.resolve("photo-receipt.txt")).contains("GREEN STREET MARKET"));
        try (var files = Files.list(outbox)) {
            assertEquals(2, files.count());
        }
    }
}
