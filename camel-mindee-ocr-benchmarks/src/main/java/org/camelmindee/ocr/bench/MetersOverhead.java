package org.camelmindee.ocr.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.URISupport;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.ApiStatistics;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.telemetry.Telemetry;
import org.camelmindee.ocr.telemetry.TelemetryLoader;

/**
 * What the component's meters and spans cost per document: three Camel contexts in one JVM, alike but for what their
 * registry holds (nothing; a Micrometer {@code SimpleMeterRegistry}; an OpenTelemetry SDK whose batch processor hands
 * the spans to an exporter that counts and drops them), each with {@code direct:ocr} to {@code mindee-ocr:ocr}
 * (polling) against one simulated Mindee whose jobs are done at once. Each round sends {@code --docs} 2 KB documents,
 * {@code --in-flight} at a time; after {@code --warm-up} rounds each, the variants take turns, the order rotating every
 * turn, so that whatever else the machine does falls on all alike. Prints documents a second, CPU time and heap
 * allocated per document, for the process and for its application side (every thread but the simulated server's,
 * {@link CostSnapshot}), each against the variant without meters or spans. Then the same telemetry calls without the
 * route around them ({@link TelemetryCalls}, {@code --calls} documents a turn): their cost is far below what the rounds
 * vary from one to the next.
 * <pre>
 * mvn -q -pl camel-mindee-ocr-benchmarks -am verify -DskipTests -Pbench-meters [-Dbench.meters.args="--docs=3000 --rounds=8"]
 * </pre>
 * No threshold: it only prints.
 */
public final class MetersOverhead {

    /**
     * The server's processing time, rate-limit window and webhook delays are scaled by this: one scenario second is
     * about 17 real microseconds, so a job is done at once and the account's 200 enqueues and 1200 GETs count over a
     * millisecond: limits that 32 documents in flight never reach.
     */
    private static final double SCALE = 60_000;
    private static final Scenario SCENARIO = new Scenario("meters", 0, 0, Distribution.logNormal(1, 0, 1), 2048,
            SCALE, Faults.NONE, List.of(ClientKind.POLLING));

    private MetersOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int docs = Arguments.intValue(args, "--docs=", 3000);
        int rounds = Arguments.intValue(args, "--rounds=", 8);
        int inFlight = Arguments.intValue(args, "--in-flight=", 32);
        int warmUp = Arguments.intValue(args, "--warm-up=", 2);
        int calls = Arguments.intValue(args, "--calls=", 100_000);
        byte[] document = Documents.png((int) SCENARIO.documentSize());
        System.out.println(Report.machine());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountingSpanExporter exported = new CountingSpanExporter();
        List<Variant> variants = new ArrayList<>();
        // the default queue (2,048 spans) keeps up with the rounds; the calls alone make spans faster than its worker
        // takes them, and a full queue drops spans, which would make them look cheaper
        try (SimulatedMindee server = new SimulatedMindee(SCENARIO, null);
             SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                     .addSpanProcessor(BatchSpanProcessor.builder(exported).setMaxQueueSize(1 << 20).build()).build()) {
            OpenTelemetry openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
            variants.add(Variant.start("none", null, server.baseUrl()));
            variants.add(Variant.start("meters", meters, server.baseUrl()));
            variants.add(Variant.start("spans", openTelemetry, server.baseUrl()));
            System.out.printf(Locale.ROOT, "%d documents of %d bytes a round, %d in flight, %d rounds a variant after %d"
                    + " warm-up rounds each%n%n", docs, document.length, inFlight, rounds, warmUp);
            for (int round = 0; round < warmUp; round++) {
                for (Variant variant : variants) {
                    variant.round(document, docs, inFlight, "w" + round);
                }
            }
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            exported.spans.reset();
            List<Variant> turns = new ArrayList<>(variants);
            for (int round = 0; round < rounds; round++) {
                for (Variant variant : turns) {
                    Sample sample = variant.round(document, docs, inFlight, "r" + round);
                    variant.samples.add(sample);
                    System.err.printf(Locale.ROOT, "round %d %s: %.0f documents/s, CPU µs a document %.0f (application"
                            + " side %.0f)%n", round, variant.name, sample.perSecond(), sample.cpuMicros(),
                            sample.clientCpuMicros());
                }
                turns.add(turns.remove(0));
            }
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            print(variants, meters, exported);
            printCalls(variants, calls, rounds, exported, tracerProvider);
        } finally {
            for (Variant variant : variants) {
                variant.producer.stop(); // made by hand from the endpoint: the context does not stop it
                variant.context.stop();
            }
        }
    }

    private static void print(List<Variant> variants, MeterRegistry meters, CountingSpanExporter exported) {
        Variant none = variants.get(0);
        Sample base = Sample.sum(none.samples);
        System.out.println("| variant | documents (failed) | documents/s: all rounds (slowest, fastest round) | CPU µs /"
                + " document: process (application side) | allocated KB / document: process (application side) |"
                + " against none: documents/s, CPU, allocated (application side) | application side's CPU µs /"
                + " document against none's in the same turn: mean difference ± standard error |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Variant variant : variants) {
            Sample all = Sample.sum(variant.samples);
            double slowest = variant.samples.stream().mapToDouble(Sample::perSecond).min().orElse(0);
            double fastest = variant.samples.stream().mapToDouble(Sample::perSecond).max().orElse(0);
            double[] differences = new double[variant.samples.size()];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = variant.samples.get(i).clientCpuMicros() - none.samples.get(i).clientCpuMicros();
            }
            System.out.printf(Locale.ROOT, "| %s | %d (%d) | %.0f (%.0f, %.0f) | %.0f (%.0f) | %.1f (%.1f) | %.3f, %.3f,"
                            + " %.3f (%.3f, %.3f) | %s |%n",
                    variant.name, all.documents, all.failed, all.perSecond(), slowest, fastest,
                    all.cpuMicros(), all.clientCpuMicros(), all.allocatedKb(), all.clientKb(),
                    all.perSecond() / base.perSecond(), all.cpuMicros() / base.cpuMicros(),
                    all.allocatedKb() / base.allocatedKb(), all.clientCpuMicros() / base.clientCpuMicros(),
                    all.clientKb() / base.clientKb(), variant == none ? "" : meanAndError(differences));
        }
        System.out.println();
        for (Variant variant : variants) {
            ApiStatistics stats = variant.component.getStatistics();
            String failure = variant.firstFailure.get();
            System.out.printf(Locale.ROOT, "- %s: %d enqueues, %d polls, %d results, %d retries, %d 429s over all its"
                    + " rounds%s%n", variant.name, stats.enqueues(), stats.polls(), stats.results(), stats.retries(),
                    stats.throttled(), failure == null ? "" : "; first failure: " + failure);
        }
        // the meters and spans were there: a timer counted every job, the exporter saw the spans of the measured rounds
        System.out.printf(Locale.ROOT, "- meters: %d jobs timed in mindee.ocr.job.duration, %d meters in the registry%n",
                meters.find("mindee.ocr.job.duration").timers().stream().mapToLong(t -> t.count()).sum(),
                meters.getMeters().size());
        long measured = Sample.sum(variants.get(2).samples).documents;
        System.out.printf(Locale.ROOT, "- spans: %d exported for the %d documents of the measured rounds (%.2f a"
                + " document)%n", exported.spans.sum(), measured, (double) exported.spans.sum() / measured);
    }

    /** The telemetry calls of a document alone ({@link TelemetryCalls}): a warm-up, then turns as the rounds. */
    private static void printCalls(List<Variant> variants, int documents, int turns, CountingSpanExporter exported,
                                   SdkTracerProvider tracerProvider) {
        OcrResponse result = variants.get(0).lastResult.get();
        List<Telemetry> telemetries = variants.stream().map(v -> TelemetryLoader.load(v.context)).toList();
        String endpoint = URISupport.sanitizeUri(variants.get(0).context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().startsWith("mindee-ocr:")).findFirst().orElseThrow().getEndpointUri());
        double[][] sums = new double[variants.size()][2];
        for (int turn = -1; turn < turns; turn++) {
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            exported.spans.reset();
            for (int i = 0; i < variants.size(); i++) {
                int v = (i + Math.max(0, turn)) % variants.size();
                double[] cost = TelemetryCalls.perDocument(telemetries.get(v), endpoint, LocalMindeeServer.MODEL_ID,
                        result, documents);
                if (turn >= 0) {
                    sums[v][0] += cost[0] / turns;
                    sums[v][1] += cost[1] / turns;
                }
            }
        }
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "%nThe telemetry calls of a document alone, on one thread (%d documents a turn, a"
                + " warm-up turn, then %d turns):%n%n", documents, turns);
        System.out.println("| variant | CPU ns / document | allocated bytes / document | against none: CPU ns, bytes |");
        System.out.println("| --- | --- | --- | --- |");
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %+.0f, %+.0f |%n", variants.get(v).name, sums[v][0],
                    sums[v][1], sums[v][0] - sums[0][0], sums[v][1] - sums[0][1]);
        }
        System.out.printf(Locale.ROOT, "%n- spans exported in the last turn: %d (%.2f a document; fewer than 4: the batch"
                + " processor's queue was full and dropped some). The batch processor's own thread is not counted%n",
                exported.spans.sum(), (double) exported.spans.sum() / documents);
    }

    private static String meanAndError(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double error = values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1) / values.length);
        return String.format(Locale.ROOT, "%+.1f ± %.1f", mean, error);
    }

    /** One Camel context: the route, and what its registry holds besides. */
    private static final class Variant {

        final String name;
        final CamelContext context;
        final MindeeOcrComponent component;
        final AsyncProducer producer;
        final List<Sample> samples = new ArrayList<>();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        /** A result as the route received it, for {@link TelemetryCalls}. */
        final AtomicReference<OcrResponse> lastResult = new AtomicReference<>();

        private Variant(String name, CamelContext context, MindeeOcrComponent component, AsyncProducer producer) {
            this.name = name;
            this.context = context;
            this.component = component;
            this.producer = producer;
        }

        static Variant start(String name, Object bean, String baseUrl) throws Exception {
            CamelContext context = new DefaultCamelContext();
            if (bean != null) {
                context.getRegistry().bind(name, bean);
            }
            MindeeOcrComponent component = new MindeeOcrComponent();
            // the component's own budget counts over the server's scaled window: it never holds a request back
            component.setRateBudgetWindow(Duration.ofNanos(SCENARIO.realNanos(60)));
            context.addComponent("mindee-ocr", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocr").to("mindee-ocr:ocr?apiKey=RAW(" + SimulatedMindee.API_KEY + ")&modelId="
                            + LocalMindeeServer.MODEL_ID + "&baseUrl=" + baseUrl
                            + "&pollInitialDelay=1&pollInterval=1&pollTimeout=60000");
                }
            });
            context.start();
            AsyncProducer producer = context.getEndpoint("direct:ocr").createAsyncProducer();
            producer.start();
            return new Variant(name, context, component, producer);
        }

        /** Sends {@code docs} documents, {@code inFlight} at a time, and waits for the last. */
        Sample round(byte[] document, int docs, int inFlight, String tag) throws InterruptedException {
            Semaphore slots = new Semaphore(inFlight);
            AtomicInteger failed = new AtomicInteger();
            CostSnapshot before = CostSnapshot.now();
            long started = System.nanoTime();
            for (int i = 0; i < docs; i++) {
                slots.acquire();
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(document);
                // the journal knows a document by its alias: each one new
                exchange.getMessage().setHeader(MindeeOcrConstants.ALIAS, name + "-" + tag + "-" + i);
                exchange.getMessage().setHeader(MindeeOcrConstants.FILENAME, "doc-" + i + ".png");
                producer.process(exchange, doneSync -> {
                    if (exchange.getException() != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, exchange.getException().toString());
                    } else {
                        lastResult.set(exchange.getMessage().getBody(OcrResponse.class));
                    }
                    slots.release();
                });
            }
            slots.acquire(inFlight);
            long wall = System.nanoTime() - started;
            return new Sample(docs, failed.get(), wall, CostSnapshot.now().minus(before));
        }
    }

    /** One round's figures, or the sum of several. */
    private record Sample(long documents, long failed, long wallNanos, CostSnapshot cost) {

        static Sample sum(List<Sample> samples) {
            return samples.stream().reduce(new Sample(0, 0, 0, new CostSnapshot(0, 0, 0, 0)),
                    (a, b) -> new Sample(a.documents + b.documents, a.failed + b.failed, a.wallNanos + b.wallNanos,
                            a.cost.plus(b.cost)));
        }

        double perSecond() {
            return documents / (wallNanos / 1e9);
        }

        double cpuMicros() {
            return cost.cpuNanos() / 1e3 / documents;
        }

        double clientCpuMicros() {
            return cost.clientCpuNanos() / 1e3 / documents;
        }

        double allocatedKb() {
            return cost.allocatedBytes() / 1024.0 / documents;
        }

        double clientKb() {
            return cost.clientBytes() / 1024.0 / documents;
        }
    }

    /** An application's exporter stands here: the spans are made, batched and handed over, then only counted. */
    private static final class CountingSpanExporter implements SpanExporter {

        final LongAdder spans = new LongAdder();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.add(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
