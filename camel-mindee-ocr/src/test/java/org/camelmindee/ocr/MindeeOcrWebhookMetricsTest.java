package org.camelmindee.ocr;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook consumer's meters: deliveries routed, duplicate, failed and refused by reason, read from the consumer's
 * own counts, and the pages of the results routed; after real POSTs to a real HTTP server.
 */
class MindeeOcrWebhookMetricsTest extends MindeeOcrWebhookTestSupport {

    private static final String JOB = "9e1d7c55-0a3b-4f62-8d29-61c4b0e7f3a8";
    private static final String MODEL = "4f3c2b1a-0d9e-4c8b-a7f6-5e4d3c2b1a09";

    @BindToRegistry("meterRegistry")
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mindee-ocr:webhook?webhookPath=/hooks/metered&webhookSecret=" + SECRET).routeId("metered")
                        .to("mock:metered");
            }
        };
    }

    private double deliveries(String outcome, String reason) {
        return meters.get("mindee.ocr.webhook.deliveries").tags("outcome", outcome, "reason", reason)
                .functionCounter().count();
    }

    @Test
    void deliveriesCountByWhatBecameOfThem() {
        String result = fixture("", "webhook/result.json", JOB, "3b8f0c2e-5d41-4a7e-9c16-2f0e8d7b6a51", "po-1");
        assertEquals(200, postSigned("/hooks/metered", result).statusCode());
        assertEquals(200, postSigned("/hooks/metered", result).statusCode());
        assertEquals(401, post("/hooks/metered", result.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Signature", "0".repeat(64))).statusCode());
        assertEquals(400, postSigned("/hooks/metered", "[1, 2]").statusCode());

        assertEquals(1, deliveries("routed", "none"));
        assertEquals(1, deliveries("duplicate", "none"));
        assertEquals(0, deliveries("failed", "none"));
        assertEquals(1, deliveries("refused", "signature"));
        assertEquals(0, deliveries("refused", "size"));
        assertEquals(1, deliveries("refused", "malformed"));
        String endpoint = meters.get("mindee.ocr.webhook.deliveries").meter().getId().getTag("endpoint");
        assertTrue(endpoint.startsWith("mindee-ocr://webhook?"), endpoint);
        assertFalse(endpoint.contains(SECRET), "the webhook secret masked: " + endpoint);
        assertEquals(2, meters.get("mindee.ocr.pages").tags("endpoint", endpoint, "model", MODEL).counter().count());
    }

    @Test
    void aStoppedConsumerLeavesNoMeterBehind() throws Exception {
        assertFalse(meters.find("mindee.ocr.webhook.deliveries").functionCounters().isEmpty());
        context.getRouteController().stopRoute("metered");
        assertTrue(meters.find("mindee.ocr.webhook.deliveries").functionCounters().isEmpty());
    }
}
