package org.camelmindee.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting costs no thread: 200 documents in flight add a handful of threads, not 200. */
class MindeeOcrThreadsTest extends MindeeOcrProducerTestSupport {

    private static final int IN_FLIGHT = 200;
    private static final String JOB = "91111111-1111-4111-8111-111111111111";
    private static final String INFERENCE = "d9111111-1111-4111-8111-111111111111";


    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri("&maxGetsPerMinute=100000&maxEnqueuesPerMinute=1000")
                        .replace("pollInterval=50", "pollInterval=2000"));
            }
        };
    }

    /**
     * Threads of the JVM but WireMock's server pool (the remote side) and the test's ProducerTemplate pool (the
     * sender, which Camel sizes on its own).
     */
    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("qtp") && !t.getName().endsWith("ProducerTemplate"))
                .count();
    }

    @Test
    void twoHundredDocumentsInFlightOnAHandfulOfThreads() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, null, 0);
        assertNull(template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png())).getException());
        long before = liveThreads();

        wm.resetAll();
        api.enqueueAccepts(JOB, null);
        api.jobNeverFinishes(JOB);
        api.resultIs(INFERENCE, JOB, null);
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            // 200 documents, not one sent 200 times: the job journal would follow the first one's job
            byte[] document = TestDocuments.png("document " + i);
            futures.add(template.asyncSend("direct:ocr", e -> e.getMessage().setBody(document)));
        }
        // every document enqueued and its job polled at least once: all 200 are waiting
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size() < IN_FLIGHT
                || wm.findAll(getRequestedFor(urlPathEqualTo("/v2/jobs/" + JOB))).size() < IN_FLIGHT * 2)
               && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        long during = liveThreads();
        assertEquals(IN_FLIGHT, wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size());
        assertTrue(futures.stream().noneMatch(CompletableFuture::isDone), "all still waiting for their job");

        api.jobFinishesAfter(JOB, INFERENCE, null, 0);
        for (CompletableFuture<Exchange> future : futures) {
            Exchange done = future.get(30, TimeUnit.SECONDS);
            assertNull(done.getException());
            assertInstanceOf(OcrResponse.class, done.getMessage().getBody());
        }

        org.slf4j.LoggerFactory.getLogger(getClass()).info("Live threads before: {}, with {} documents in flight: {}", before, IN_FLIGHT, during);
        assertTrue(during - before <= 4,
                "waiting must not hold threads: " + before + " before, " + during + " with 200 in flight");
    }
}
