package org.camelmindee.ocr.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.camelmindee.ocr.local.LocalMindeeServer;

/**
 * Starts the local engine on a free port before the application, with a webhook that posts to the application's
 * {@code /mindee/ocr}, and points the application at it through the variables a user sets in the environment.
 */
public class LocalEngineResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "md_quarkus_test_key";
    static final String WEBHOOK_ID = "5a0c2f6e-1d3b-4c8a-9e7f-2b4d6f8a0c1e";
    static final String WEBHOOK_SECRET = "quarkus-webhook-secret";

    private LocalMindeeServer engine;

    @Override
    public Map<String, String> start() {
        // Quarkus's test port, chosen first: the engine must know where to post the webhooks
        int port = freePort();
        engine = LocalMindeeServer.builder().port(0).apiKey(KEY).workers(1)
                .webhook(WEBHOOK_ID, "http://127.0.0.1:" + port + "/mindee/ocr", WEBHOOK_SECRET).start();
        try {
            return Map.of("MINDEE_V2_API_KEY", KEY,
                    "MINDEE_MODEL_ID", LocalMindeeServer.MODEL_ID,
                    "MINDEE_BASE_URL", engine.baseUrl(),
                    "MINDEE_WEBHOOK_ID", WEBHOOK_ID,
                    "MINDEE_WEBHOOK_SECRET", WEBHOOK_SECRET,
                    "OCR_OUTBOX", Files.createTempDirectory("mindee-ocr-quarkus-outbox").toString(),
                    "quarkus.http.test-port", Integer.toString(port),
                    // the first poll sooner than the default 2 s: the engine reads a line in well under a second
                    "camel.component.mindee-ocr.poll-initial-delay", "300");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
