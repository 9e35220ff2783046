package org.camelmindee.ocr.examples;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main command's choice: Mindee's cloud when both variables are set, the local engine otherwise. */
class OcrEngineTest {

    @Test
    void bothVariablesMeanMindeesCloudAndNoLocalEngine() {
        try (OcrEngine engine = OcrEngine.fromEnvironment(Map.of(
                "MINDEE_V2_API_KEY", " md_abc ", "MINDEE_MODEL_ID", "01234567-89ab-cdef-0123-456789abcdef"))) {
            assertFalse(engine.isLocal());
            assertEquals("https://api-v2.mindee.net", engine.baseUrl());
            assertEquals("md_abc", engine.apiKey());
            assertEquals("{{ocr.api-key}}", engine.componentProperties().get("camel.component.mindee-ocr.api-key"),
                    "the key reaches Camel through a placeholder, never as a plain-text property");
        }
    }

    @Test
    void oneVariableAloneIsSaidAndTheLocalEngineRuns() {
        assertNull(OcrEngine.halfConfigured(Map.of()));
        assertTrue(OcrEngine.halfConfigured(Map.of("MINDEE_V2_API_KEY", "md_abc")).startsWith(
                "MINDEE_V2_API_KEY is set but MINDEE_MODEL_ID is not"));
        OcrEngine engine = TestEngine.get();
        assertTrue(engine.isLocal());
        assertTrue(engine.baseUrl().startsWith("http://127.0.0.1:"));
    }
}
