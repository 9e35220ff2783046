package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.local.recognition.SimulatedRecognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/**
 * The simulated Mindee: the local engine's server with a {@link SimulatedRecognizer} (jobs complete by a timer after
 * the scenario's processing time), Mindee's rate limits counted over a scenario minute, signed webhooks, and a filter
 * that counts every request and answer and injects the scenario's faults. Timestamps are real time: a job's
 * {@code completed_at - created_at} is its real processing time, as on the real service.
 */
final class SimulatedMindee implements AutoCloseable {

    static final String API_KEY = "md_benchmark_key_0123456789";
    static final String WEBHOOK_ID = "0b5e7c1e-9f0a-4c3b-8d2e-6a7b8c9d0e1f";
    static final String WEBHOOK_SECRET = "benchmark-webhook-secret";
    static final String WEBHOOK_PATH = "/mindee/ocr";

    private static final List<OcrPage> PAGES = List.of(new OcrPage("Invoice 42\nTotal 17.00 EUR", List.of(
            word("Invoice", 0.10), word("42", 0.30), word("Total", 0.10), word("17.00", 0.30), word("EUR", 0.45))));

    private final Scenario scenario;
    private final LocalMindeeServer server;
    /** Real completion time of each document's job, epoch microseconds; 0 while none. */
    final AtomicLongArray completedAt;
    /** Jobs made for each document: more than one is a duplicate. */
    final AtomicIntegerArray jobsMade;
    final LongAdder posts = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder resultGets = new LongAdder();
    final LongAdder answered429 = new LongAdder();
    /** Of {@link #answered429}, those to an enqueue. */
    final LongAdder answered429Posts = new LongAdder();
    final LongAdder injected429 = new LongAdder();
    final LongAdder injected5xx = new LongAdder();
    final LongAdder injectedResets = new LongAdder();
    final LongAdder injectedSlow = new LongAdder();
    private final SplittableRandom random = new SplittableRandom(42);

    SimulatedMindee(Scenario scenario, Integer webhookPort) {
        this.scenario = scenario;
        this.completedAt = new AtomicLongArray(scenario.documents());
        this.jobsMade = new AtomicIntegerArray(scenario.documents());
        LocalMindeeServer.Builder builder = LocalMindeeServer.builder()
                .port(0)
                .apiKey(API_KEY)
                .rateLimits(1.0)
                .rateLimitWindow(Duration.ofNanos(scenario.realNanos(60)))
                .retention(Duration.ofHours(12))
                .recognizer(new Recognizer())
                .filter(new CountingFaultFilter())
                .webhookRetries(3, Duration.ofNanos(scenario.realNanos(2)));
        if ("warmup".equals(scenario.name())) {
            // nothing measured here: deliver, whatever it takes
            builder.webhookRetries(10, Duration.ofMillis(100));
        }
        if (webhookPort != null) {
            builder.webhook(WEBHOOK_ID, "http://127.0.0.1:" + webhookPort + WEBHOOK_PATH, WEBHOOK_SECRET);
        }
        this.server = builder.start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }

    private static OcrWord word(String text, double x) {
        return new OcrWord(text, List.of(new Point(x, 0.1), new Point(x + 0.1, 0.1), new Point(x + 0.1, 0.13),
                new Point(x, 0.13)));
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /** Canned pages, a processing time from the scenario's distribution, the completion recorded in real time. */
    private final class Recognizer implements SimulatedRecognizer {

        @Override
        public Duration processingTime(SimulatedJob job) {
            int index = scenario.index(job.alias());
            if (index >= 0 && index < jobsMade.length()) {
                jobsMade.incrementAndGet(index);
            }
            double seconds = scenario.processing().seconds(Math.max(0, index));
            return Duration.ofNanos(scenario.realNanos(seconds));
        }

        @Override
        public void completed(SimulatedJob job, boolean processed, Instant at) {
            int index = scenario.index(job.alias());
            if (index >= 0 && index < completedAt.length()) {
                completedAt.compareAndSet(index, 0, epochMicros(Instant.now()));
            }
        }

        @Override
        public List<OcrPage> recognize(byte[] document, DocumentType type) {
            return PAGES;
        }
    }

    /** Counts requests and answers by kind; answers in the route's place when the fault schedule says so. */
    private final class CountingFaultFilter extends Filter {

        private enum Fate { PASS, THROTTLE, ERROR, RESET, SLOW }

        @Override
        public String description() {
            return "benchmark counters and faults";
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            String path = exchange.getRequestURI().getPath();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post) {
                posts.increment();
            } else if (path.startsWith("/v2/jobs/")) {
                polls.increment();
            } else if (path.contains("/results/")) {
                resultGets.increment();
            }
            Fate fate = fate(post);
            switch (fate) {
                case THROTTLE -> {
                    injected429.increment();
                    answered429.increment();
                    if (post) {
                        answered429Posts.increment();
                    }
                    answer(exchange, 429, "application/problem+json", "{\"status\":429,\"title\":\"Too Many Requests\","
                            + "\"detail\":\"Rate limit exceeded.\",\"code\":\"429-001\"}");
                }
                case ERROR -> {
                    injected5xx.increment();
                    int status = post ? 503 : 502;
                    answer(exchange, status, "text/html", "<html><head><title>" + status + "</title></head><body>"
                            + "<h1>" + status + (post ? " Service Unavailable" : " Bad Gateway") + "</h1></body></html>");
                }
                case RESET -> {
                    injectedResets.increment();
                    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                    // no answer at all: the server drops the connection
                    exchange.close();
                }
                case SLOW -> {
                    injectedSlow.increment();
                    try {
                        Thread.sleep(scenario.realMillis(scenario.faults().slowSeconds()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    pass(exchange, chain);
                }
                default -> pass(exchange, chain);
            }
        }

        private void pass(HttpExchange exchange, Chain chain) throws IOException {
            chain.doFilter(exchange);
            if (exchange.getResponseCode() == 429) {
                answered429.increment();
                if ("POST".equals(exchange.getRequestMethod())) {
                    answered429Posts.increment();
                }
            }
        }

        private Fate fate(boolean post) {
            Faults faults = scenario.faults();
            if (!faults.any()) {
                return Fate.PASS;
            }
            if (faults.throttleEvery() > 0) {
                double now = (System.nanoTime() - startNanos) * scenario.scale() / 1e9;
                if (now % faults.throttleEvery() >= faults.throttleEvery() - faults.throttleFor()) {
                    return Fate.THROTTLE;
                }
            }
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            double errors = post ? faults.postErrors() : faults.getErrors();
            if (draw < errors) {
                return Fate.ERROR;
            }
            draw -= errors;
            if (draw < faults.resets()) {
                return Fate.RESET;
            }
            draw -= faults.resets();
            return draw < faults.slow() ? Fate.SLOW : Fate.PASS;
        }

        private void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            exchange.close();
        }
    }

    private final long startNanos = System.nanoTime();
}
