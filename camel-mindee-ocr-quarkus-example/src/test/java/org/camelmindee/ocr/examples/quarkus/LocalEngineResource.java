package org.camelmindee.ocr.examples.quarkus;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.camelmindee.ocr.local.LocalMindeeServer;

/** Starts the local engine on a free port before the application, and points the application at it. */
public class LocalEngineResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "md_quarkus_test_key";

    private LocalMindeeServer engine;

    @Override
    public Map<String, String> start() {
        engine = LocalMindeeServer.builder().port(0).apiKey(KEY).workers(1).start();
        // what a user sets in the environment; application.properties maps it to camel.component.mindee-ocr.*
        return Map.of("MINDEE_V2_API_KEY", KEY,
                "MINDEE_MODEL_ID", LocalMindeeServer.MODEL_ID,
                "MINDEE_BASE_URL", engine.baseUrl(),
                // the first poll sooner than the default 2 s: the local engine reads a line in well under a second
                "camel.component.mindee-ocr.poll-initial-delay", "300");
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}
