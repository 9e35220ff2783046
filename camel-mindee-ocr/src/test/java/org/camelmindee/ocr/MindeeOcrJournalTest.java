package org.camelmindee.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.journal.DocumentKeys;
import org.camelmindee.ocr.journal.FileJobJournal;
import org.camelmindee.ocr.journal.InMemoryJobJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job journal in routes, with its default store (in memory): a document is a paid job once. WireMock counts the
 * enqueues; each test uses a Camel context of its own, as an application would.
 */
class MindeeOcrJournalTest {

    private static final String JOB = "e1111111-1111-4111-8111-111111111111";
    private static final String INFERENCE = "e2222222-2222-4222-8222-222222222222";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path root;

    private final MindeeApiStub api = new MindeeApiStub(wm);

    private String uri(String extra) {
        return "mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl=" + wm.baseUrl()
               + "&pollInitialDelay=20&pollInterval=50&pollTimeout=20s" + extra;
    }

    private CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        return context;
    }

    private static RouteBuilder direct(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(uri);
            }
        };
    }

    private int enqueues() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size();
    }

    @Test
    void theSameDocumentAgainFollowsItsJobInsteadOfPayingForASecond() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, null, 1);
        try (CamelContext context = context(direct(uri("&resultFormat=text")))) {
            ProducerTemplate template = context.createProducerTemplate();
            byte[] document = TestDocuments.png("invoice 17");
            String first = template.requestBody("direct:ocr", document, String.class);
            String again = template.requestBody("direct:ocr", document.clone(), String.class);

            assertEquals(first, again);
            assertEquals(1, enqueues(), "the second delivery followed job " + JOB);
            String other = template.requestBody("direct:ocr", TestDocuments.png("invoice 18"), String.class);
            assertEquals(first, other, "WireMock answers every job alike");
            assertEquals(2, enqueues(), "other bytes are another document");
        }
    }

    @Test
    void aKeptResultIsServedAgainWithoutAnyRequest() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, null, 0);
        try (CamelContext context = context(direct(uri("&resultFormat=text&journalResultRetention=1h")))) {
            ProducerTemplate template = context.createProducerTemplate();
            byte[] document = TestDocuments.png("delivery note 4");
            String first = template.requestBody("direct:ocr", document, String.class);
            int requests = wm.findAll(anyRequestedFor(anyUrl())).size();

            Exchange again = template.request("direct:ocr", e -> e.getMessage().setBody(document));

            assertNull(again.getException());
            assertEquals(first, again.getMessage().getBody(String.class));
            assertEquals(JOB, again.getMessage().getHeader(MindeeOcrConstants.JOB_ID));
            assertEquals(requests, wm.findAll(anyRequestedFor(anyUrl())).size(), "not one request more");
        }
    }

    @Test
    void theAliasIsTheDocumentsKeyWhenTheRouteSetsOne() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, "po-42", 0);
        try (CamelContext context = context(direct(uri("")))) {
            ProducerTemplate template = context.createProducerTemplate();
            for (String text : new String[] { "scan one", "scan two" }) {
                Exchange out = template.request("direct:ocr", e -> {
                    e.getMessage().setBody(TestDocuments.png(text));
                    e.getMessage().setHeader(MindeeOcrConstants.ALIAS, "po-42");
                });
                assertNull(out.getException());
            }
            assertEquals(1, enqueues(), "one alias, one document, whatever the bytes");
        }
    }

    @Test
    void aRouteWithoutMoveFailedNoLongerPaysForACorruptDocumentInALoop() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(MindeeApiStub.json(422,
                "{\"status\":422,\"title\":\"Unprocessable document\",\"detail\":\"The PDF is corrupt\","
                + "\"code\":\"422-002\"}")));
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Files.write(inbox.resolve("broken.pdf"), TestDocuments.pdf(4096));
        List<Exception> failures = new ArrayList<>();
        RouteBuilder readme = new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).process(e -> failures.add(e.getProperty(Exchange.EXCEPTION_CAUGHT,
                        Exception.class)));
                // the README's route: no moveFailed, so the file stays and is picked up again at every poll
                from("file:" + inbox + "?initialDelay=0&delay=20").to(uri("&resultFormat=text"))
                        .to("file:" + root.resolve("out"));
            }
        };
        try (CamelContext context = context(readme)) {
            NotifyBuilder fiveTimes = new NotifyBuilder(context).whenFailed(5).create();
            assertTrue(fiveTimes.matches(20, TimeUnit.SECONDS), "the file comes back at every poll");
        }
        assertEquals(1, enqueues(), "sent once; then the journal answers");
        MindeeOcrException last = assertInstanceOf(MindeeOcrException.class, failures.get(failures.size() - 1));
        assertEquals(422, last.getStatus());
        assertEquals("422-002", last.getCode());
        assertTrue(last.getMessage().contains("failed before"), last.getMessage());
    }

    @Test
    void theDocumentGoesOutOnlyOnceTheJournalHasRecordedThatItsUploadBegins() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, null, 0);
        List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] uploadRecordedAt = new long[1];
        InMemoryJobJournal slowToRecord = new InMemoryJobJournal() {
            @Override
            public CompletableFuture<Void> uploading(String key, long leaseMillis) {
                // a store that takes its time (a database far away): the upload must wait for it
                return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(300,
                        TimeUnit.MILLISECONDS)).thenCompose(v -> super.uploading(key, leaseMillis)).thenRun(() -> {
                            uploadRecordedAt[0] = System.currentTimeMillis();
                            recorded.add("uploading");
                        });
            }

            @Override
            public CompletableFuture<Void> enqueued(String key, String jobId, String pollingUrl, long retention) {
                recorded.add("enqueued");
                return super.enqueued(key, jobId, pollingUrl, retention);
            }
        };
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("journal", slowToRecord);
            context.addRoutes(direct(uri("&resultFormat=text&jobJournal=#journal")));
            context.start();
            context.createProducerTemplate().requestBody("direct:ocr", TestDocuments.png("order 9"), String.class);
        }
        assertEquals(List.of("uploading", "enqueued"), recorded);
        long received = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0).getLoggedDate().getTime();
        assertTrue(uploadRecordedAt[0] <= received, "the server had the document "
                                                    + (uploadRecordedAt[0] - received) + " ms before the journal"
                                                    + " recorded that its upload begins");
    }

    @Test
    void aDocumentWhoseSenderDiedMidUploadIsReportedOnceThenARedeliverySendsIt() throws Exception {
        api.ocrSucceeds(JOB, INFERENCE, null, 0);
        byte[] document = TestDocuments.png("contract 3");
        String key = DocumentKeys.ofDigest(MODEL_ID, DocumentKeys.sha256(document));
        Path file = root.resolve("journal.jsonl");
        // the previous process: it claimed the document, began its upload and was killed before Mindee's answer
        FileJobJournal killed = new FileJobJournal(file);
        killed.claim(key, TimeUnit.HOURS.toMillis(1)).get();
        killed.uploading(key, TimeUnit.HOURS.toMillis(1)).get();

        try (FileJobJournal journal = new FileJobJournal(file); CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("journal", journal);
            context.addRoutes(direct(uri("&resultFormat=text&jobJournal=#journal")));
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange first = template.request("direct:ocr", e -> e.getMessage().setBody(document));
            MindeeOcrException report = assertInstanceOf(MindeeOcrException.class, first.getException());
            assertTrue(report.getMessage().contains(key) && report.getMessage().contains("may have created a job"),
                    report.getMessage());
            assertEquals(0, enqueues(), "not sent behind the route's back");
            MindeeOcrComponent component = context.getComponent("mindee-ocr", MindeeOcrComponent.class);
            assertEquals(1, component.getStatistics().uncertainUploads());

            Exchange redelivered = template.request("direct:ocr", e -> e.getMessage().setBody(document));
            assertNull(redelivered.getException());
            assertEquals(1, enqueues(), "the route's redelivery sends it");
        } finally {
            killed.close();
        }
    }

    @Test
    void noMoreConnectionsAtOnceThanTheCap() throws Exception {
        api.enqueueAccepts(JOB, null);
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(MindeeApiStub.json(202,
                TestFixtures.fixture(api.base(), "fixtures/job-processing.json", JOB, "", null)).withFixedDelay(150)));
        api.jobFinishesAfter(JOB, INFERENCE, null, 0);
        api.resultIs(INFERENCE, JOB, null);
        try (CamelContext context = context(direct(uri("&maxConnectionsPerHost=3&resultFormat=text")))) {
            ProducerTemplate template = context.createProducerTemplate();
            List<CompletableFuture<Object>> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(template.asyncRequestBody("direct:ocr", TestDocuments.png("page " + i)));
            }
            for (CompletableFuture<Object> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(12, enqueues());
        assertTrue(mostAtOnce(wm.getAllServeEvents()) <= 3, "at most 3 requests in flight at the server, saw "
                                                          + mostAtOnce(wm.getAllServeEvents()));
    }

    /** The most requests the server was answering at one moment, from each request's arrival and time taken. */
    private static int mostAtOnce(List<ServeEvent> events) {
        List<long[]> spans = new ArrayList<>();
        for (ServeEvent event : events) {
            long start = event.getRequest().getLoggedDate().getTime();
            long took = event.getTiming() == null || event.getTiming().getTotalTime() == null ? 0
                    : event.getTiming().getTotalTime();
            spans.add(new long[] { start, start + took });
        }
        int most = 0;
        for (long[] span : spans) {
            int overlapping = 0;
            for (long[] other : spans) {
                // open at the end: a request that ended as another began was not in flight with it
                if (other[0] <= span[0] && span[0] < other[1]) {
                    overlapping++;
                }
            }
            most = Math.max(most, overlapping);
        }
        return most;
    }
}
