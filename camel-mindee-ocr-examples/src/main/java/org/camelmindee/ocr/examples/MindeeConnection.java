package org.camelmindee.ocr.examples;

import java.util.Map;

import org.camelmindee.ocr.MindeeOcrConfiguration;
import org.camelmindee.ocr.local.LocalMindeeServer;

/**
 * The Mindee API the examples talk to: Mindee's cloud when {@code MINDEE_V2_API_KEY} and {@code MINDEE_MODEL_ID} are
 * set, otherwise the local engine (the Mindee API with Tesseract) started in this JVM. Either way the routes are the
 * same: only the component's {@code apiKey}, {@code modelId} and {@code baseUrl} differ.
 */
public final class MindeeConnection implements AutoCloseable {

    public static final String API_KEY_ENV = "MINDEE_V2_API_KEY";
    public static final String MODEL_ID_ENV = "MINDEE_MODEL_ID";
    static final String LOCAL_API_KEY = "md_local_examples";

    private final LocalMindeeServer server;
    private final String apiKey;
    private final String modelId;
    private final String baseUrl;

    private MindeeConnection(LocalMindeeServer server, String apiKey, String modelId, String baseUrl) {
        this.server = server;
        this.apiKey = apiKey;
        this.modelId = modelId;
        this.baseUrl = baseUrl;
    }

    /** Mindee's cloud when both variables are set, else a local engine started now. */
    public static MindeeConnection fromEnvironment(Map<String, String> env) {
        if (isSet(env, API_KEY_ENV) && isSet(env, MODEL_ID_ENV)) {
            return new MindeeConnection(null, env.get(API_KEY_ENV).strip(), env.get(MODEL_ID_ENV).strip(),
                    MindeeOcrConfiguration.DEFAULT_BASE_URL);
        }
        return local(LocalMindeeServer.builder());
    }

    /** A warning when only one of the two variables is set (the local engine is used then), else null. */
    public static String halfConfigured(Map<String, String> env) {
        boolean key = isSet(env, API_KEY_ENV);
        boolean model = isSet(env, MODEL_ID_ENV);
        if (key == model) {
            return null;
        }
        return (key ? API_KEY_ENV : MODEL_ID_ENV) + " is set but " + (key ? MODEL_ID_ENV : API_KEY_ENV)
               + " is not: Mindee's cloud needs both, so the local engine runs instead";
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** A local engine from the given builder (port, workers, webhooks...), with the examples' API key. */
    public static MindeeConnection local(LocalMindeeServer.Builder builder) {
        LocalMindeeServer server = builder.apiKey(LOCAL_API_KEY).start();
        return new MindeeConnection(server, LOCAL_API_KEY, LocalMindeeServer.MODEL_ID, server.baseUrl());
    }

    /** The local server this connection started (the tests count its jobs), or null for Mindee's cloud. */
    LocalMindeeServer localServer() {
        return server;
    }

    public boolean isLocal() {
        return server != null;
    }

    /** The mindee-ocr component's options, as Camel Main properties; the key through a placeholder. */
    public Map<String, String> componentProperties() {
        return Map.of(
                "ocr.api-key", apiKey,
                "camel.component.mindee-ocr.api-key", "{{ocr.api-key}}",
                "camel.component.mindee-ocr.model-id", modelId,
                "camel.component.mindee-ocr.base-url", baseUrl);
    }

    public String apiKey() {
        return apiKey;
    }

    public String modelId() {
        return modelId;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String describe() {
        return isLocal()
                ? "the local engine (Tesseract, in this JVM) on " + baseUrl
                  + "; set " + API_KEY_ENV + " and " + MODEL_ID_ENV + " to use Mindee's cloud"
                : "Mindee's cloud, model " + modelId;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
