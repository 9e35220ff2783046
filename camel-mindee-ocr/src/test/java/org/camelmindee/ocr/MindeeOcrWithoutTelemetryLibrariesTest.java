package org.camelmindee.ocr;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The component in an application that has neither Micrometer nor OpenTelemetry: run by the surefire execution
 * {@code without-telemetry-libraries}, which leaves both off the class path (with the producer and webhook tests). Any class of theirs that the component touched would fail here with a
 * NoClassDefFoundError. The default run, which has both, skips it.
 */
@EnabledIfSystemProperty(named = "mindee.withoutTelemetryLibraries", matches = "true")
class MindeeOcrWithoutTelemetryLibrariesTest extends MindeeOcrProducerTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri(""));
            }
        };
    }

    @Test
    void neitherLibraryIsOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.opentelemetry.api.OpenTelemetry"));
    }

    @Test
    void ocrRunsAsEverywhereElse() {
        api.ocrSucceeds("55555555-5555-4555-8555-555555555555", "eeeeeeee-5555-4555-8555-555555555555", null, 1);

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));

        assertNull(out.getException());
        assertEquals(3, assertInstanceOf(OcrResponse.class, out.getMessage().getBody()).pageCount());
    }
}
