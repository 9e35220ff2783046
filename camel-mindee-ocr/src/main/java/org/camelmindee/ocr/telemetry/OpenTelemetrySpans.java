package org.camelmindee.ocr.telemetry;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.camel.CamelContext;
import org.camelmindee.ocr.api.RequestBudget;
import org.camelmindee.ocr.api.RequestObserver;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * The component's spans, through the OpenTelemetry API: the only class that imports it. A span for each producer
 * exchange ({@code mindee-ocr ocr}, {@code mindee-ocr enqueue}, ...), child of whatever span is current when the
 * exchange reaches the producer (camel-opentelemetry2's span of the endpoint, an agent's), and under it a span for each
 * request: the enqueue, each poll, the result. Attributes name the job, the model and the endpoint, never a secret.
 * Then hands everything on to {@code next} (the meters).
 */
final class OpenTelemetrySpans implements Telemetry {

    static final String SCOPE = "org.camelmindee.ocr";

    private final Supplier<OpenTelemetry> openTelemetry;
    private final Telemetry next;

    OpenTelemetrySpans(Supplier<OpenTelemetry> openTelemetry, Telemetry next) {
        this.openTelemetry = openTelemetry;
        this.next = next;
    }

    /** The OpenTelemetry bound in Camel's registry, else the global one as soon as something (an agent, an SDK) sets it. */
    static Telemetry lookup(CamelContext context, Telemetry next) {
        OpenTelemetry bean = context.getRegistry().findSingleByType(OpenTelemetry.class);
        return new OpenTelemetrySpans(bean != null ? () -> bean : OpenTelemetrySpans::global, next);
    }

    /**
     * The global OpenTelemetry once set; never sets it (a {@code get()} before the application's {@code set()} would
     * make that fail). An API older than 1.56 cannot tell whether it is set: then only a bean is used.
     */
    private static OpenTelemetry global() {
        try {
            return GlobalOpenTelemetry.isSet() ? GlobalOpenTelemetry.get() : null;
        } catch (NoSuchMethodError olderApi) {
            return null;
        }
    }

    private Tracer tracer() {
        OpenTelemetry otel = openTelemetry.get();
        return otel == null ? null : otel.getTracer(SCOPE);
    }

    @Override
    public JobTelemetry job(String endpoint, String operation, String model) {
        JobTelemetry meters = next.job(endpoint, operation, model);
        Tracer tracer = tracer();
        if (tracer == null) {
            return meters;
        }
        Span span = tracer.spanBuilder("mindee-ocr " + operation).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("mindee.operation", operation)
                .setAttribute("mindee.endpoint", endpoint)
                .setAttribute("mindee.model_id", model == null ? NONE_TAG : model.strip())
                .startSpan();
        return new JobSpan(tracer, span, Context.current().with(span), meters);
    }

    @Override
    public RequestObserver request(String endpoint, String operation) {
        RequestObserver meters = next.request(endpoint, operation);
        Tracer tracer = tracer();
        return tracer == null ? meters : new RequestSpan(requestSpan(tracer, Context.current(), operation, null),
                meters);
    }

    @Override
    public AutoCloseable watchBudgets(String endpoint, RequestBudget enqueue, RequestBudget read) {
        return next.watchBudgets(endpoint, enqueue, read);
    }

    @Override
    public AutoCloseable watchWebhook(String endpoint, WebhookCounts counts) {
        return next.watchWebhook(endpoint, counts);
    }

    @Override
    public void webhookPages(String endpoint, String model, int pages) {
        next.webhookPages(endpoint, model, pages);
    }

    private static Span requestSpan(Tracer tracer, Context parent, String operation, String jobId) {
        var builder = tracer.spanBuilder("mindee-ocr " + operation).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("mindee.operation", operation);
        if (jobId != null) {
            builder.setAttribute("mindee.job_id", jobId);
        }
        return builder.startSpan();
    }

    /** One request, from asking the rate budget to its last answer: 429s and retries are its events. */
    private static final class RequestSpan implements RequestObserver {

        private final Span span;
        private final RequestObserver next;

        RequestSpan(Span span, RequestObserver next) {
            this.span = span;
            this.next = next;
        }

        @Override
        public void budgetWaited(long nanos) {
            span.setAttribute("mindee.rate_budget.wait_ms", TimeUnit.NANOSECONDS.toMillis(nanos));
            next.budgetWaited(nanos);
        }

        @Override
        public void answered(int status) {
            if (status == 429) {
                span.addEvent("throttled");
            }
            next.answered(status);
        }

        @Override
        public void retrying(String reason, long backoffNanos) {
            span.addEvent("retry", Attributes.builder().put("mindee.retry.reason", reason)
                    .put("mindee.retry.backoff_ms", TimeUnit.NANOSECONDS.toMillis(backoffNanos)).build());
            next.retrying(reason, backoffNanos);
        }

        @Override
        public void finished(int status, Throwable error) {
            if (status > 0) {
                span.setAttribute("http.response.status_code", status);
            }
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
                span.recordException(error);
            } else if (status >= 400) {
                // as OpenTelemetry's HTTP conventions have it for a client: a 4xx or 5xx answer is an error
                span.setStatus(StatusCode.ERROR, "HTTP " + status);
            }
            span.end();
            next.finished(status, error);
        }
    }

    /** One exchange: the parent of its requests' spans. */
    private static final class JobSpan implements JobTelemetry {

        private final Tracer tracer;
        private final Span span;
        private final Context context;
        private final JobTelemetry next;
        private volatile String jobId;

        JobSpan(Tracer tracer, Span span, Context context, JobTelemetry next) {
            this.tracer = tracer;
            this.span = span;
            this.context = context;
            this.next = next;
        }

        @Override
        public RequestObserver request(String operation) {
            return new RequestSpan(requestSpan(tracer, context, operation, jobId), next.request(operation));
        }

        @Override
        public void enqueued(Throwable error) {
            next.enqueued(error);
        }

        @Override
        public void job(String id) {
            jobId = id;
            span.setAttribute("mindee.job_id", id);
            next.job(id);
        }

        @Override
        public void waiting() {
            next.waiting();
        }

        @Override
        public void waited(int polls, Instant completedAt) {
            span.setAttribute("mindee.polls", polls);
            next.waited(polls, completedAt);
        }

        @Override
        public void result(OcrResponse result) {
            if (result.inference() != null && result.inference().id() != null) {
                span.setAttribute("mindee.inference_id", result.inference().id());
            }
            span.setAttribute("mindee.page_count", result.pageCount());
            next.result(result);
        }

        @Override
        public void finished(Throwable error) {
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
                span.recordException(error);
            }
            span.end();
            next.finished(error);
        }
    }
}
