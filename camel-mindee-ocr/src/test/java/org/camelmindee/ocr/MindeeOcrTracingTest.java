package org.camelmindee.ocr;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The spans of an {@code ocr} job, exported by the OpenTelemetry SDK an application binds (here with the SDK's
 * in-memory exporter): a span for the job under the span current when the exchange reached the producer, and under it
 * the enqueue, each poll and the result, with the job's id and no secret.
 */
class MindeeOcrTracingTest extends MindeeOcrProducerTestSupport {

    private static final String JOB = "44444444-4444-4444-8444-444444444444";
    private static final String INFERENCE = "dddddddd-4444-4444-8444-444444444444";

    private final InMemoryTracing tracing = new InMemoryTracing();

    @BindToRegistry("openTelemetry")
    private final OpenTelemetry openTelemetry = tracing.openTelemetry;

    @AfterEach
    void closeSdk() {
        tracing.close();
    }

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
    void anOcrJobIsASpanWithItsEnqueuePollsAndResultUnderIt() {
        api.jobFinishesAfter(JOB, INFERENCE, null, 2);
        api.resultIs(INFERENCE, JOB, null);
        enqueueThrottledOnceThenAccepts(JOB);

        // the span a Camel tracer (camel-opentelemetry2) or an agent has current when the exchange reaches the endpoint
        Span route = openTelemetry.getTracer("test").spanBuilder("route").startSpan();
        Exchange out;
        try (Scope ignored = route.makeCurrent()) {
            out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));
        } finally {
            route.end();
        }
        assertNull(out.getException());

        List<SpanData> spans = tracing.spans();
        Map<String, List<SpanData>> byName = spans.stream().collect(Collectors.groupingBy(SpanData::getName));
        assertEquals(Map.of("route", 1, "mindee-ocr ocr", 1, "mindee-ocr enqueue", 1, "mindee-ocr poll", 3,
                "mindee-ocr result", 1), byName.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));

        SpanData job = byName.get("mindee-ocr ocr").get(0);
        assertEquals(route.getSpanContext().getSpanId(), job.getParentSpanId(), "the job under the route's span");
        assertEquals(route.getSpanContext().getTraceId(), job.getTraceId());
        assertEquals(JOB, job.getAttributes().get(AttributeKey.stringKey("mindee.job_id")));
        assertEquals(MODEL_ID, job.getAttributes().get(AttributeKey.stringKey("mindee.model_id")));
        assertEquals(3L, job.getAttributes().get(AttributeKey.longKey("mindee.polls")));
        assertEquals(3L, job.getAttributes().get(AttributeKey.longKey("mindee.page_count")));
        assertEquals(INFERENCE, job.getAttributes().get(AttributeKey.stringKey("mindee.inference_id")));
        assertEquals(StatusCode.UNSET, job.getStatus().getStatusCode());

        for (String child : List.of("mindee-ocr enqueue", "mindee-ocr poll", "mindee-ocr result")) {
            for (SpanData span : byName.get(child)) {
                assertEquals(job.getSpanId(), span.getParentSpanId(), child + " under the job");
                assertEquals(job.getTraceId(), span.getTraceId());
            }
        }
        SpanData enqueue = byName.get("mindee-ocr enqueue").get(0);
        assertEquals(202L, enqueue.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(List.of("throttled", "retry"), enqueue.getEvents().stream().map(e -> e.getName()).toList());
        assertEquals("429", enqueue.getEvents().get(1).getAttributes()
                .get(AttributeKey.stringKey("mindee.retry.reason")));
        Function<SpanData, Long> status = s -> s.getAttributes().get(AttributeKey.longKey("http.response.status_code"));
        assertEquals(List.of(200L, 200L, 302L), byName.get("mindee-ocr poll").stream()
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos)).map(status).toList());
        for (SpanData poll : byName.get("mindee-ocr poll")) {
            assertEquals(JOB, poll.getAttributes().get(AttributeKey.stringKey("mindee.job_id")));
        }

        for (SpanData span : spans) {
            assertFalse(span.getAttributes().toString().contains(API_KEY), span.getName() + " names the API key");
        }
    }

    @Test
    void aRefusedEnqueueIsAnErrorSpanWithItsStatus() {
        wm.stubFor(post(urlPathEqualTo(MindeeApiStub.ENQUEUE))
                .willReturn(json(422, fixture(wm.baseUrl(), "fixtures/error-422.json", "", "", null))));

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png("refused")));

        assertEquals(MindeeOcrException.class, out.getException().getClass());
        SpanData enqueue = tracing.spans().stream()
                .filter(s -> s.getName().equals("mindee-ocr enqueue")).findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, enqueue.getStatus().getStatusCode());
        assertEquals(422L, enqueue.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }

    @Test
    void aFailedJobEndsItsSpanInError() {
        api.enqueueAccepts(JOB, null);
        wm.stubFor(MindeeApiStub.job(JOB).willReturn(json(200, fixture(wm.baseUrl(), "fixtures/job-failed.json", JOB,
                "", null))));

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png("failing")));

        assertEquals(MindeeOcrException.class, out.getException().getClass());
        SpanData job = tracing.spans().stream().filter(s -> s.getName().equals("mindee-ocr ocr"))
                .findFirst().orElseThrow();
        assertEquals(StatusCode.ERROR, job.getStatus().getStatusCode());
        assertEquals("exception", job.getEvents().get(0).getName());
        assertEquals(JOB, job.getAttributes().get(AttributeKey.stringKey("mindee.job_id")));
        assertEquals(io.opentelemetry.api.trace.SpanId.getInvalid(), job.getParentSpanId(), "a root: no span was current");
    }
}
