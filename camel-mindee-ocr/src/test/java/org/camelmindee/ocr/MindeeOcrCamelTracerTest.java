package org.camelmindee.ocr;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's spans under Camel's own tracer, camel-opentelemetry2 (at 4.18.0, the newest published here; on the
 * 4.22 core of this build), as a Camel user turns it on: the tracer finds the SDK's {@code Tracer} and propagators in
 * the registry, and the component the {@code OpenTelemetry}. The job's span sits under the span Camel makes for the
 * {@code to("mindee-ocr:ocr...")}, in the route's trace.
 */
class MindeeOcrCamelTracerTest extends MindeeOcrProducerTestSupport {

    private static final String JOB = "66666666-6666-4666-8666-666666666666";
    private static final String INFERENCE = "ffffffff-6666-4666-8666-666666666666";

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final OpenTelemetry openTelemetry = tracing.openTelemetry;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("openTelemetry", OpenTelemetry.class, openTelemetry);
        context.getRegistry().bind("tracer", Tracer.class, openTelemetry.getTracer("camel"));
        context.getRegistry().bind("propagators", ContextPropagators.class, ContextPropagators.noop());
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.init(context);
        return context;
    }

    @AfterEach
    void closeSdk() {
        tracing.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").routeId("traced").to(ocrUri(""));
            }
        };
    }

    @Test
    void theJobsSpanIsUnderCamelsSpanOfTheEndpoint() {
        api.ocrSucceeds(JOB, INFERENCE, null, 1);

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));
        assertNull(out.getException());

        List<SpanData> spans = tracing.spans();
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        SpanData job = spans.stream().filter(s -> s.getName().equals("mindee-ocr ocr")).findFirst()
                .orElseThrow(() -> new AssertionError("no job span in " + names(spans)));
        SpanData parent = byId.get(job.getParentSpanId());
        assertTrue(parent != null && parent.getName().startsWith("mindee-ocr"),
                () -> "the job's parent should be Camel's span of the mindee-ocr endpoint: " + names(spans));
        assertEquals("camel", parent.getInstrumentationScopeInfo().getName(), "Camel's tracer made the parent");
        assertEquals(job.getTraceId(), parent.getTraceId());
        assertEquals(JOB, job.getAttributes().get(AttributeKey.stringKey("mindee.job_id")));
        assertEquals(4, spans.stream().filter(s -> s.getParentSpanId().equals(job.getSpanId())).count(),
                "enqueue, two polls and the result under the job: " + names(spans));
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getName() + "(" + s.getInstrumentationScopeInfo().getName() + ")").toList();
    }
}
