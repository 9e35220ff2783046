package org.camelmindee.ocr.local;

import static org.camelmindee.ocr.local.TestHttp.form;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.recognition.SimulatedRecognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * The extension points the benchmarks use: a {@link SimulatedRecognizer} completes jobs by a timer (many more than
 * the workers and their queue), and a filter sees every API request.
 */
class SimulatedProcessingTest {

    /** Canned pages; each job takes the time its alias says, in milliseconds. */
    static final class Timed implements SimulatedRecognizer {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final CountDownLatch done;

        Timed(int jobs) {
            done = new CountDownLatch(jobs);
        }

        @Override
        public Duration processingTime(SimulatedJob job) {
            return Duration.ofMillis(Long.parseLong(job.alias()));
        }

        @Override
        public void completed(SimulatedJob job, boolean processed, Instant at) {
            completed.add(job.alias() + (processed ? "" : " failed"));
            done.countDown();
        }

        @Override
        public List<OcrPage> recognize(byte[] document, DocumentType type) {
            return new StubRecognizer().recognize(document, type);
        }
    }

    @Test
    void jobsCompleteByTimerBeyondTheWorkerQueue() throws Exception {
        int jobs = 40;
        Timed simulation = new Timed(jobs);
        byte[] png = TestPages.tinyPng();
        // one worker and a queue of 2: the pool would refuse most of these, the timer takes them all
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(simulation).workers(1)
                .queueCapacity(2).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            String slowPolling = null;
            for (int i = 0; i < jobs; i++) {
                String alias = i == 0 ? "60000" : "50";
                HttpResponse<String> enqueued = http.postMultipart(form().file("file", "a.png", png)
                        .field("alias", alias));
                assertEquals(202, enqueued.statusCode(), enqueued.body());
                if (i == 0) {
                    slowPolling = TestHttp.json(enqueued).get("job").get("polling_url").asText();
                }
            }
            assertTrue(simulation.done.getCount() > 0);
            JsonNode slow = TestHttp.json(http.get(slowPolling)).get("job");
            assertEquals("Processing", slow.get("status").asText());
            // all but the minute-long job are done well within a few seconds
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (simulation.completed.size() < jobs - 1 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(jobs - 1, simulation.completed.size());
            assertFalse(simulation.completed.contains("60000"));
        }
    }

    @Test
    void rateLimitsCountOverAShorterWindowForScaledTime() throws Exception {
        byte[] png = TestPages.tinyPng();
        // 2 POST per 300 ms: a minute's limits, 200 times faster, on a clock the test moves
        MutableClock clock = new MutableClock();
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new Timed(10)).rateLimits(0.01)
                .rateLimitWindow(Duration.ofMillis(300)).clock(clock).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            for (int i = 0; i < 2; i++) {
                assertEquals(202, http.postMultipart(form().file("file", "a.png", png).field("alias", "1")).statusCode());
            }
            assertEquals(429, http.postMultipart(form().file("file", "a.png", png).field("alias", "1")).statusCode());
            clock.advance(Duration.ofMillis(299));
            assertEquals(429, http.postMultipart(form().file("file", "a.png", png).field("alias", "1")).statusCode());
            clock.advance(Duration.ofMillis(1));
            assertEquals(202, http.postMultipart(form().file("file", "a.png", png).field("alias", "1")).statusCode());
        }
    }

    @Test
    void aFilterSeesEveryApiRequestAndMayAnswerInstead() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Filter filter = new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws java.io.IOException {
                seen.incrementAndGet();
                if (exchange.getRequestURI().getPath().startsWith("/v2/jobs/")) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "test";
            }
        };
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new Timed(1)).filter(filter).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            HttpResponse<String> enqueued = http.postMultipart(form().file("file", "a.png", TestPages.tinyPng())
                    .field("alias", "10"));
            assertEquals(202, enqueued.statusCode());
            assertEquals(503, http.get(TestHttp.json(enqueued).get("job").get("polling_url").asText()).statusCode());
            assertEquals(2, seen.get());
        }
    }
}
