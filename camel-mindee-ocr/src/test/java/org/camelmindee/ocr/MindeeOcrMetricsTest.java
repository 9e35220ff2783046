package org.camelmindee.ocr;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer's Micrometer meters, in the registry an application binds (here a {@link SimpleMeterRegistry}), after
 * real routes ran against the WireMock Mindee: names, tags and values, and no secret in any tag.
 */
class MindeeOcrMetricsTest extends MindeeOcrProducerTestSupport {

    private static final String JOB = "33333333-3333-4333-8333-333333333333";
    private static final String INFERENCE = "cccccccc-3333-4333-8333-333333333333";

    @BindToRegistry("meterRegistry")
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri("&maxGetsPerMinute=100&maxEnqueuesPerMinute=10"));
            }
        };
    }

    private String endpointTag() {
        return meters.get("mindee.ocr.enqueues").meter().getId().getTag("endpoint");
    }

    @Test
    void anOcrJobFeedsEveryProducerMeter() {
        api.jobFinishesAfter(JOB, INFERENCE, null, 2);
        api.resultIs(INFERENCE, JOB, null);
        enqueueThrottledOnceThenAccepts(JOB);

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));
        assertNull(out.getException());

        String endpoint = endpointTag();
        assertTrue(endpoint.startsWith("mindee-ocr://ocr?"), endpoint);
        assertTrue(endpoint.contains("apiKey=xxxxxx"), "the key masked as Camel masks it: " + endpoint);

        assertEquals(1, meters.get("mindee.ocr.enqueues").tags("endpoint", endpoint, "model", MODEL_ID,
                "outcome", "created").counter().count());
        assertEquals(1, meters.get("mindee.ocr.requests.throttled").tags("endpoint", endpoint,
                "operation", "enqueue").counter().count());
        assertEquals(1, meters.get("mindee.ocr.requests.retries").tags("endpoint", endpoint, "operation", "enqueue",
                "reason", "429").counter().count());
        assertEquals(1, meters.get("mindee.ocr.job.duration").tags("endpoint", endpoint, "model", MODEL_ID,
                "outcome", "processed", "error", "none").timer().count());
        assertEquals(1, meters.get("mindee.ocr.job.polls").tags("endpoint", endpoint, "model", MODEL_ID)
                .summary().count());
        assertEquals(3, meters.get("mindee.ocr.job.polls").summary().totalAmount(), "two Processing, then the 302");
        assertEquals(3, meters.get("mindee.ocr.pages").tags("endpoint", endpoint, "model", MODEL_ID).counter().count());
        assertEquals(1, meters.get("mindee.ocr.result.lag").tags("endpoint", endpoint, "model", MODEL_ID)
                .timer().count(), "the 302's job names its completed_at");
        assertEquals(0, meters.get("mindee.ocr.jobs.in.flight").tags("endpoint", endpoint, "model", MODEL_ID)
                .gauge().value());

        // two enqueues (the 429 one too) and four GETs (three polls, the result) asked the budgets for a slot
        assertEquals(2, meters.get("mindee.ocr.rate.budget.wait").tags("endpoint", endpoint, "budget", "enqueue")
                .timer().count());
        assertEquals(4, meters.get("mindee.ocr.rate.budget.wait").tags("endpoint", endpoint, "budget", "read")
                .timer().count());
        assertEquals(10 - 2, meters.get("mindee.ocr.rate.budget.available").tags("endpoint", endpoint,
                "budget", "enqueue").gauge().value());
        assertEquals(100 - 4, meters.get("mindee.ocr.rate.budget.available").tags("endpoint", endpoint,
                "budget", "read").gauge().value());

        assertNoSecretIn(meters.getMeters());
    }

    @Test
    void failuresCountByMindeesProblemCode() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(json(422, fixture(wm.baseUrl(), "fixtures/error-422.json",
                "", "", null))));
        Exchange refused = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));
        assertInstanceOf(MindeeOcrException.class, refused.getException());

        api.enqueueAccepts(JOB, null);
        wm.stubFor(MindeeApiStub.job(JOB).willReturn(json(200, fixture(wm.baseUrl(), "fixtures/job-failed.json", JOB,
                "", null))));
        Exchange failed = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png("a second document")));
        assertInstanceOf(MindeeOcrException.class, failed.getException());

        String endpoint = endpointTag();
        assertEquals(1, meters.get("mindee.ocr.enqueues").tags("endpoint", endpoint, "outcome", "refused")
                .counter().count());
        assertEquals(1, meters.get("mindee.ocr.enqueues").tags("endpoint", endpoint, "outcome", "created")
                .counter().count());
        assertEquals(1, meters.get("mindee.ocr.job.duration").tags("endpoint", endpoint, "outcome", "failed",
                "error", "422-001").timer().count(), "the enqueue's problem");
        assertEquals(1, meters.get("mindee.ocr.job.duration").tags("endpoint", endpoint, "outcome", "failed",
                "error", "422-004").timer().count(), "the failed job's problem");
        assertEquals(0, meters.get("mindee.ocr.jobs.in.flight").gauge().value());
        assertTrue(meters.find("mindee.ocr.pages").counters().isEmpty(), "no result, no pages");
        assertNoSecretIn(meters.getMeters());
    }

    static void assertNoSecretIn(List<Meter> all) {
        assertFalse(all.isEmpty());
        for (Meter meter : all) {
            for (Tag tag : meter.getId().getTags()) {
                assertFalse(tag.getValue().contains(API_KEY), meter.getId() + " names the API key");
            }
        }
    }
}
