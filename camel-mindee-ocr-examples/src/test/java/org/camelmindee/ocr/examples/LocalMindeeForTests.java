package org.camelmindee.ocr.examples;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;

/**
 * One local Mindee server (the local engine: real Tesseract OCR) for the tests of this module, started at first use,
 * stopped with the JVM.
 */
final class LocalMindeeForTests {

    private static MindeeConnection mindee;

    private LocalMindeeForTests() {
    }

    static synchronized MindeeConnection get() {
        if (mindee == null) {
            mindee = MindeeConnection.local(LocalMindeeServer.builder().workers(2));
            Runtime.getRuntime().addShutdownHook(new Thread(mindee::close));
        }
        return mindee;
    }

    /** Points the context's mindee-ocr component at the local server, as application properties would. */
    static void configure(CamelContext context, MindeeConnection mindee, Properties overrides) {
        MindeeOcrComponent component = context.getComponent("mindee-ocr", MindeeOcrComponent.class);
        component.getConfiguration().setApiKey(mindee.apiKey());
        component.getConfiguration().setModelId(mindee.modelId());
        component.getConfiguration().setBaseUrl(mindee.baseUrl());
        component.getConfiguration().setPollInitialDelay(200);
        component.getConfiguration().setPollInterval(200);
        component.getConfiguration().setPollTimeout(60_000);
        context.getPropertiesComponent().setOverrideProperties(overrides);
    }

    static byte[] sample(String name) throws java.io.IOException {
        try (var in = LocalMindeeForTests.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
