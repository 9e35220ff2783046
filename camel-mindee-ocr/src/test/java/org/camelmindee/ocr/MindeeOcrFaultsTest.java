package org.camelmindee.ocr;

import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite: a file route over several documents against an API that misbehaves. Every document is accounted
 * for, processed or failed with its reason, and the enqueues counted show no silent duplicate.
 */
class MindeeOcrFaultsTest extends MindeeOcrProducerTestSupport {

    private static final int DOCS = 4;
    private static final String JOB = "c1111111-1111-4111-8111-111111111111";
    private static final String INFERENCE = "c2222222-2222-4222-8222-222222222222";


    @TempDir
    Path root;

    private FileRouteLedger run(String baseUrl, String options) throws Exception {
        FileRouteLedger ledger = new FileRouteLedger(root);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(ledger.route("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl="
                                           + baseUrl + "&pollInitialDelay=20&pollInterval=50&requestTimeout=1s"
                                           + "&maxRetries=4" + (options.contains("pollTimeout") ? "" : "&pollTimeout=20s")
                                           + options));
            context.start();
            ledger.drop(DOCS);
            ledger.awaitAccounted(DOCS, 40);
        }
        assertEquals(DOCS, ledger.files(ledger.done).size() + ledger.files(ledger.failed).size(),
                "every document accounted for: done " + ledger.files(ledger.done) + ", failed " + ledger.failures());
        assertEquals(ledger.files(ledger.done).size(), ledger.files(ledger.out).size(), "a text for each one done");
        return ledger;
    }

    private static void assertAllDone(FileRouteLedger ledger) {
        assertEquals(DOCS, ledger.files(ledger.done).size(), () -> "failed: " + ledger.failures());
    }

    private static void assertAllFailedWith(FileRouteLedger ledger, String reason) {
        Map<String, String> failures = ledger.failures();
        assertEquals(DOCS, failures.size(), () -> "done: " + ledger.files(ledger.done));
        failures.forEach((file, why) -> assertTrue(why.contains(reason), file + ": " + why));
    }

    private int enqueues() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size();
    }

    /** The first {@code bad} requests to {@code mapping} get {@code fault}, the rest {@code good}. */
    private void firstThen(MappingBuilder mapping, int bad, ResponseDefinitionBuilder fault,
                           ResponseDefinitionBuilder good) {
        FIRST_THEN.set(bad, fault, good);
        wm.stubFor(mapping.willReturn(aResponse().withTransformers(FirstThenTransformer.NAME)));
    }

    private ResponseDefinitionBuilder processing() {
        return json(200, fixture(wm.baseUrl(), "fixtures/job-processing.json", JOB, "", null));
    }

    private ResponseDefinitionBuilder processed() {
        return json(302, fixture(wm.baseUrl(), "fixtures/job-processed.json", JOB, INFERENCE, null))
                .withHeader("Location", wm.baseUrl() + "/v2/products/ocr/results/" + INFERENCE);
    }

    @Test
    void connectionRefusedUntilTheServerIsUpIsRetriedWithoutDuplicates() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        WireMockServer late = new WireMockServer(wireMockConfig().port(port));
        String lateBase = "http://localhost:" + port;
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(700);
                late.stubFor(post(urlPathEqualTo(ENQUEUE))
                        .willReturn(json(202, fixture(lateBase, "fixtures/job-processing.json", JOB, "", null))));
                late.stubFor(MindeeApiStub.job(JOB).willReturn(json(302,
                        fixture(lateBase, "fixtures/job-processed.json", JOB, INFERENCE, null))));
                late.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/v2/products/ocr/results/" + INFERENCE))
                        .willReturn(json(200, fixture(lateBase, "fixtures/result-3-pages.json", JOB, INFERENCE, null))));
                late.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starter.start();
        try {
            FileRouteLedger ledger = run(lateBase, "");
            assertAllDone(ledger);
            assertEquals(DOCS, late.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).size(), "one enqueue each");
        } finally {
            starter.join();
            late.stop();
        }
    }

    @Test
    void resetAfterTheEnqueueWasSentFailsWithoutRetryAndSaysAJobMayExist() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllFailedWith(ledger, "may have created a job");
        assertEquals(DOCS, enqueues(), "never retried: a duplicate is the user's choice");
    }

    @Test
    void emptyRepliesToPollsAreRetried() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.resultIs(INFERENCE, JOB, null);
        firstThen(MindeeApiStub.job(JOB), 3, aResponse().withFault(Fault.EMPTY_RESPONSE), processed());

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
        assertEquals(DOCS, enqueues());
    }

    @Test
    void pollsSlowerThanTheRequestTimeoutAreRetried() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.resultIs(INFERENCE, JOB, null);
        firstThen(MindeeApiStub.job(JOB), 2, processing().withFixedDelay(2500), processed());

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
        assertEquals(DOCS, enqueues());
    }

    @Test
    void malformedJsonFailsEachDocumentWithAClearReason() throws Exception {
        api.enqueueAccepts(JOB, null);
        wm.stubFor(MindeeApiStub.job(JOB).willReturn(aResponse().withStatus(200).withBody("{\"job\": {\"id\": ")));

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllFailedWith(ledger, "not the expected JSON");
        assertEquals(DOCS, enqueues());
    }

    @Test
    void htmlBadGatewayBurstOnPollsIsRetried() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.resultIs(INFERENCE, JOB, null);
        firstThen(MindeeApiStub.job(JOB), 5, aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><h1>502 Bad Gateway</h1></html>"), processed());

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
    }

    @Test
    void serviceUnavailableBurstOnPollsIsRetried() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.resultIs(INFERENCE, JOB, null);
        firstThen(MindeeApiStub.job(JOB), 5, json(503, "{\"status\":503,\"title\":\"Unavailable\",\"detail\":\"x\"}"),
                processed());

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
    }

    @Test
    void tooManyRequestsBurstOnEnqueueIsRetriedAndCountsOnceEach() throws Exception {
        api.jobFinishesAfter(JOB, INFERENCE, null, 0);
        api.resultIs(INFERENCE, JOB, null);
        firstThen(post(urlPathEqualTo(ENQUEUE)), 3, json(429, fixture(wm.baseUrl(), "fixtures/error-429.json", "", "", null)),
                json(202, fixture(wm.baseUrl(), "fixtures/job-processing.json", JOB, "", null)));

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
        assertEquals(DOCS + 3, enqueues(), "each document accepted once, after the three refused");
    }

    @Test
    void redirectWithoutBodyIsDoneThroughItsLocation() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.resultIs(INFERENCE, JOB, null);
        wm.stubFor(MindeeApiStub.job(JOB).willReturn(aResponse().withStatus(302)
                .withHeader("Location", wm.baseUrl() + "/v2/products/ocr/results/" + INFERENCE)));

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllDone(ledger);
    }

    @Test
    void resultNotFoundFailsEachDocumentWithTheProblem() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.jobFinishesAfter(JOB, INFERENCE, null, 0);
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/v2/products/ocr/results/" + INFERENCE)).willReturn(json(404,
                        "{\"status\":404,\"title\":\"Not found\",\"detail\":\"Inference not found\",\"code\":\"404-001\"}")));

        FileRouteLedger ledger = run(wm.baseUrl(), "");

        assertAllFailedWith(ledger, "404 [404-001]");
        assertEquals(DOCS, wm.findAll(getRequestedFor(urlPathEqualTo("/v2/products/ocr/results/" + INFERENCE))).size(),
                "a result is read once: a 404 is not retried");
    }

    @Test
    void jobThatNeverFinishesFailsAtTheDeadlineNamingTheJob() throws Exception {
        api.enqueueAccepts(JOB, null);
        api.jobNeverFinishes(JOB);

        FileRouteLedger ledger = run(wm.baseUrl(), "&pollTimeout=1s");

        assertAllFailedWith(ledger, "MindeeOcrTimeoutException: Job " + JOB);
    }
}
