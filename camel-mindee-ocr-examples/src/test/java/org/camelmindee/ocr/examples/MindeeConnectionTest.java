package org.camelmindee.ocr.examples;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main command's choice: Mindee's cloud when both variables are set, the local mindee otherwise. */
class MindeeConnectionTest {

    @Test
    void bothVariablesMeanMindeesCloudAndNoLocalEngine() {
        try (MindeeConnection mindee = MindeeConnection.fromEnvironment(Map.of(
                "MINDEE_V2_API_KEY", " md_abc ", "MINDEE_MODEL_ID", "01234567-89ab-cdef-0123-456789abcdef"))) {
            assertFalse(mindee.isLocal());
            assertEquals("https://api-v2.mindee.net", mindee.baseUrl());
            assertEquals("md_abc", mindee.apiKey());
            assertEquals("{{ocr.api-key}}", mindee.componentProperties().get("camel.component.mindee-ocr.api-key"),
                    "the key reaches Camel through a placeholder, never as a plain-text property");
        }
    }

    @Test
    void oneVariableAloneIsSaidAndTheLocalEngineRuns() {
        assertNull(MindeeConnection.halfConfigured(Map.of()));
        assertTrue(MindeeConnection.halfConfigured(Map.of("MINDEE_V2_API_KEY", "md_abc")).startsWith(
                "MINDEE_V2_API_KEY is set but MINDEE_MODEL_ID is not"));
        MindeeConnection mindee = LocalMindeeForTests.get();
        assertTrue(mindee.isLocal());
        assertTrue(mindee.baseUrl().startsWith("http://127.0.0.1:"));
    }
}
