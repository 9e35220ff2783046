package org.camelmindee.ocr;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which Camel the tests ran on, when a build asks for one: the camel-4.17 profile sets
 * {@code mindee.expectCamelVersion}, so that its green run means the tests ran on 4.17 and not on the build's Camel.
 */
class CamelVersionTest {

    @Test
    void theTestsRunOnTheCamelTheBuildAskedFor() throws Exception {
        String expected = System.getProperty("mindee.expectCamelVersion");
        assumeTrue(expected != null && !expected.isBlank(), "no Camel version asked for");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertEquals(expected, context.getVersion());
        }
    }
}
