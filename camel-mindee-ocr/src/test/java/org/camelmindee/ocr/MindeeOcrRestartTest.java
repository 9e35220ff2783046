package org.camelmindee.ocr;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping with jobs in flight loses nothing; a file over Mindee's limit fails before any upload. */
class MindeeOcrRestartTest extends MindeeOcrProducerTestSupport {

    private static final int DOCS = 3;
    private static final String JOB = "d1111111-1111-4111-8111-111111111111";
    private static final String INFERENCE = "d2222222-2222-4222-8222-222222222222";


    @TempDir
    Path root;

    private String uri() {
        return "mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl=" + wm.baseUrl()
               + "&pollInitialDelay=20&pollInterval=100";
    }

    @Test
    void stopWithJobsInFlightThenStartAgainLosesNothing() throws Exception {
        FileRouteLedger ledger = new FileRouteLedger(root);
        api.enqueueAccepts(JOB, null);
        api.jobNeverFinishes(JOB);

        try (LogCapture logs = new LogCapture()) {
            CamelContext first = new DefaultCamelContext();
            first.getShutdownStrategy().setTimeout(1);
            first.addRoutes(ledger.route(uri(), false));
            first.start();
            ledger.drop(DOCS);
            long until = System.nanoTime() + 20_000_000_000L;
            // every document enqueued and waiting: a stop during an upload would leave a job that may exist
            while ((wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size() < DOCS
                    || wm.findAll(getRequestedFor(urlPathEqualTo("/v2/jobs/" + JOB))).size() < DOCS * 2)
                   && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            first.stop();

            String warning = logs.lines().stream().filter(l -> l.startsWith("WARN") && l.contains("in flight"))
                    .findFirst().orElse("no warning");
            assertTrue(warning.contains("Stopping with " + DOCS + " documents in flight") && warning.contains(JOB),
                    warning);
        }
        assertEquals(DOCS, ledger.files(ledger.inbox).size(), "the files stay for the next run");
        assertEquals(0, ledger.files(ledger.done).size());

        wm.resetAll();
        api.ocrSucceeds(JOB, INFERENCE, null, 1);
        try (CamelContext second = new DefaultCamelContext()) {
            second.addRoutes(ledger.route(uri(), false));
            second.start();
            ledger.awaitAccounted(DOCS, 20);
        }

        assertEquals(DOCS, ledger.files(ledger.done).size());
        assertEquals(DOCS, ledger.files(ledger.out).size());
        assertEquals(0, ledger.files(ledger.inbox).size());
        assertEquals(DOCS, wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size());
    }

    @Test
    void fileOverOneHundredMegabytesFailsBeforeAnyUpload() throws Exception {
        Path big = root.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(100L * 1024 * 1024 + 1); // sparse: no 100 MB written to the disk
        }
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocr").to(uri());
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:ocr", e -> e.getMessage().setBody(big));
            assertTrue(out.getException().getMessage().contains("The document huge.pdf is over Mindee's limit of 100 MB"),
                    out.getException().getMessage());
        }
        wm.verify(0, postRequestedFor(anyUrl()));
    }
}
