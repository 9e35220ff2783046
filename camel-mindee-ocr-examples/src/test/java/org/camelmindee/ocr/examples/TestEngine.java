package org.camelmindee.ocr.examples;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;

/** One local engine for the tests of this module (real Tesseract OCR), started at first use, stopped with the JVM. */
final class TestEngine {

    private static OcrEngine engine;

    private TestEngine() {
    }

    static synchronized OcrEngine get() {
        if (engine == null) {
            engine = OcrEngine.local(LocalMindeeServer.builder().workers(2));
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** Points the context's mindee-ocr component at the engine, as application properties would. */
    static void configure(CamelContext context, OcrEngine engine, Properties overrides) {
        MindeeOcrComponent component = context.getComponent("mindee-ocr", MindeeOcrComponent.class);
        component.getConfiguration().setApiKey(engine.apiKey());
        component.getConfiguration().setModelId(engine.modelId());
        component.getConfiguration().setBaseUrl(engine.baseUrl());
        component.getConfiguration().setPollInitialDelay(200);
        component.getConfiguration().setPollInterval(200);
        component.getConfiguration().setPollTimeout(60_000);
        context.getPropertiesComponent().setOverrideProperties(overrides);
    }

    static byte[] sample(String name) throws java.io.IOException {
        try (var in = TestEngine.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
