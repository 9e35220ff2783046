package org.camelmindee.ocr.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.camelmindee.ocr.api.RequestBudget;
import org.camelmindee.ocr.api.RequestObserver;
import org.camelmindee.ocr.model.OcrResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's meters in the runtime's Micrometer registry: the only class that imports Micrometer. Names follow
 * Micrometer's conventions (dot-separated, lower case, times in seconds); every meter of the component starts with
 * {@code mindee.ocr.}, and docs/operations.md lists them all.
 */
final class MicrometerMeters implements Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMeters.class);

    static final String PREFIX = "mindee.ocr.";

    private final MeterRegistry registry;
    /** Jobs waited for, by endpoint and model: the values the in-flight gauges read. */
    private final Map<Tags, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters in the context's registry: its single {@code MeterRegistry}, or its composite of several. */
    static Telemetry lookup(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            List<MeterRegistry> composites = all.stream().filter(r -> r instanceof CompositeMeterRegistry).toList();
            if (composites.size() == 1) {
                registry = composites.get(0);
            } else if (!all.isEmpty()) {
                LOG.warn("mindee-ocr found {} MeterRegistry beans and no single composite of them: it keeps no meters."
                         + " Bind one registry, or a CompositeMeterRegistry of them", all.size());
                return Telemetry.NONE;
            }
        }
        if (registry == null) {
            LOG.debug("No MeterRegistry in the Camel registry: mindee-ocr keeps no meters");
            return Telemetry.NONE;
        }
        LOG.info("mindee-ocr meters (mindee.ocr.*) go to {}", registry.getClass().getSimpleName());
        return new MicrometerMeters(registry);
    }

    @Override
    public JobTelemetry job(String endpoint, String operation, String model) {
        return new JobMeters(Tags.of("endpoint", endpoint, "model", model == null ? NONE_TAG : model.strip()),
                operation, endpoint);
    }

    @Override
    public RequestObserver request(String endpoint, String operation) {
        return new RequestMeters(endpoint, operation);
    }

    @Override
    public AutoCloseable watchBudgets(String endpoint, RequestBudget enqueue, RequestBudget read) {
        List<Meter> meters = new ArrayList<>();
        for (Map.Entry<String, RequestBudget> budget : Map.of("enqueue", enqueue, "read", read).entrySet()) {
            meters.add(Gauge.builder(PREFIX + "rate.budget.available", budget.getValue(),
                    b -> b.available(System.nanoTime()))
                    .description("Requests the account's rate budget allows now without waiting")
                    .tags("endpoint", endpoint, "budget", budget.getKey())
                    .register(registry));
        }
        return () -> meters.forEach(registry::remove);
    }

    @Override
    public AutoCloseable watchWebhook(String endpoint, WebhookCounts counts) {
        List<Meter> meters = new ArrayList<>();
        meters.add(delivery(endpoint, counts, "routed", NONE_TAG, WebhookCounts::accepted));
        meters.add(delivery(endpoint, counts, "duplicate", NONE_TAG, WebhookCounts::duplicates));
        meters.add(delivery(endpoint, counts, "failed", NONE_TAG, WebhookCounts::failed));
        meters.add(delivery(endpoint, counts, "refused", "signature", WebhookCounts::refusedSignature));
        meters.add(delivery(endpoint, counts, "refused", "size", WebhookCounts::refusedSize));
        meters.add(delivery(endpoint, counts, "refused", "malformed", WebhookCounts::refusedMalformed));
        return () -> meters.forEach(registry::remove);
    }

    private Meter delivery(String endpoint, WebhookCounts counts, String outcome, String reason,
                           ToDoubleFunction<WebhookCounts> count) {
        return FunctionCounter.builder(PREFIX + "webhook.deliveries", counts, count)
                .description("Webhook deliveries received, by what became of them")
                .tags("endpoint", endpoint, "outcome", outcome, "reason", reason)
                .register(registry);
    }

    @Override
    public void webhookPages(String endpoint, String model, int pages) {
        pages(Tags.of("endpoint", endpoint, "model", model == null ? NONE_TAG : model), pages);
    }

    private void pages(Tags tags, int pages) {
        Counter.builder(PREFIX + "pages").description("Pages of the OCR results received").baseUnit("pages")
                .tags(tags).register(registry).increment(pages);
    }

    /** What a request went through: its wait for the rate budget, its 429s, its retries. */
    private final class RequestMeters implements RequestObserver {

        private final String endpoint;
        private final String operation;

        RequestMeters(String endpoint, String operation) {
            this.endpoint = endpoint;
            this.operation = operation;
        }

        @Override
        public void budgetWaited(long nanos) {
            Timer.builder(PREFIX + "rate.budget.wait")
                    .description("Time requests waited for a slot of the account's rate budget")
                    .tags("endpoint", endpoint, "budget", "enqueue".equals(operation) ? "enqueue" : "read")
                    .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void answered(int status) {
            if (status == 429) {
                Counter.builder(PREFIX + "requests.throttled").description("Answers 429 Too Many Requests")
                        .tags("endpoint", endpoint, "operation", operation).register(registry).increment();
            }
        }

        @Override
        public void retrying(String reason, long backoffNanos) {
            Counter.builder(PREFIX + "requests.retries").description("Requests sent again after a 429, 5xx or I/O error")
                    .tags("endpoint", endpoint, "operation", operation, "reason", reason).register(registry)
                    .increment();
        }
    }

    /** One exchange: its enqueue, the wait for its job, its polls, its result and how long it all took. */
    private final class JobMeters implements JobTelemetry {

        private final Tags tags;
        private final String operation;
        private final String endpoint;
        private final long startedAt = System.nanoTime();
        private volatile Instant completedAt;

        JobMeters(Tags tags, String operation, String endpoint) {
            this.tags = tags;
            this.operation = operation;
            this.endpoint = endpoint;
        }

        @Override
        public RequestObserver request(String requestOperation) {
            return new RequestMeters(endpoint, requestOperation);
        }

        @Override
        public void enqueued(Throwable error) {
            String outcome = error == null ? "created"
                    : error instanceof MindeeOcrException e && e.getStatus() >= 400 && e.getStatus() < 500
                            && e.getStatus() != 429 ? "refused" : "failed";
            Counter.builder(PREFIX + "enqueues").description("Documents sent to Mindee, by outcome")
                    .tags(tags).tag("outcome", outcome).register(registry).increment();
        }

        @Override
        public void waiting() {
            inFlight.computeIfAbsent(tags, t -> {
                AtomicInteger count = new AtomicInteger();
                Gauge.builder(PREFIX + "jobs.in.flight", count, AtomicInteger::get)
                        .description("Jobs enqueued whose result is awaited").tags(t).strongReference(true)
                        .register(registry);
                return count;
            }).incrementAndGet();
        }

        @Override
        public void waited(int polls, Instant completedAt) {
            AtomicInteger count = inFlight.get(tags);
            if (count != null) {
                count.decrementAndGet();
            }
            this.completedAt = completedAt;
            DistributionSummary.builder(PREFIX + "job.polls").description("Polls of a job until it was done")
                    .baseUnit("polls").tags(tags).register(registry).record(polls);
        }

        @Override
        public void result(OcrResponse result) {
            pages(tags, result.pageCount());
            Instant completed = completedAt;
            if (completed != null) {
                // Mindee's clock against ours: a skew shows here, and a negative difference counts as none
                Duration lag = Duration.between(completed, Instant.now());
                Timer.builder(PREFIX + "result.lag")
                        .description("Time from Mindee's completed_at to the result in hand")
                        .tags(tags).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
            }
        }

        @Override
        public void finished(Throwable error) {
            if (!"ocr".equals(operation)) {
                return;
            }
            String outcome;
            String code;
            if (error == null) {
                outcome = "processed";
                code = NONE_TAG;
            } else if (error instanceof MindeeOcrTimeoutException) {
                outcome = "timeout";
                code = "timeout";
            } else {
                outcome = "failed";
                // Mindee's problem code (422-004) names the cause best; else the status, else the kind of error
                code = !(error instanceof MindeeOcrException e) ? error.getClass().getSimpleName()
                        : e.getCode() != null ? e.getCode()
                        : e.getStatus() > 0 ? Integer.toString(e.getStatus()) : "MindeeOcrException";
            }
            Timer.builder(PREFIX + "job.duration")
                    .description("Time from sending a document to its result in hand (or the failure)")
                    .tags(tags).tag("outcome", outcome).tag("error", code).register(registry)
                    .record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
        }
    }
}
