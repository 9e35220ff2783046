package org.camelmindee.ocr;

import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.MindeeOcrTimeoutException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problems of the API and of the input: each fails the exchange with a message that says what to change. */
class MindeeOcrErrorsTest extends MindeeOcrProducerTestSupport {


    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri("&maxRetries=2"));
                from("direct:short").to(ocrUri("&maxRetries=2")
                        .replace("pollTimeout=20s", "pollTimeout=600"));
            }
        };
    }

    private MindeeOcrException fails(String uri, Object body) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
        return assertInstanceOf(MindeeOcrException.class, out.getException());
    }

    @Test
    void problemDocumentKeepsEveryField() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(json(422, fixture(wm.baseUrl(), "fixtures/error-422.json", "", "", null))));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertEquals(422, e.getStatus());
        assertEquals("422-001", e.getCode());
        assertEquals("Invalid fields in form", e.getTitle());
        assertEquals("One or more fields failed validation.", e.getDetail());
        assertEquals("#/model_id", e.getErrors().get(0).pointer());
        assertTrue(e.getMessage().contains("422 [422-001] Invalid fields in form"), e.getMessage());
        assertTrue(e.getMessage().contains("No model with this id"), e.getMessage());
        wm.verify(1, postRequestedFor(urlPathEqualTo(ENQUEUE)));
    }

    @Test
    void unauthorizedSaysToCheckTheKeyAndIsNotRetried() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(json(401, fixture(wm.baseUrl(), "fixtures/error-401.json", "", "", null))));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertEquals(401, e.getStatus());
        assertEquals("401-001", e.getCode());
        assertTrue(e.getMessage().contains("Check apiKey"), e.getMessage());
        assertFalse(e.getMessage().contains(".."), e.getMessage());
        assertTrue(!e.getMessage().contains(MindeeApiStub.API_KEY), "the key is never in a message");
        wm.verify(1, postRequestedFor(urlPathEqualTo(ENQUEUE)));
    }

    @Test
    void tooManyRequestsIsRetriedUntilAccepted() {
        String jobId = "71111111-1111-4111-8111-111111111111";
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, fixture(wm.baseUrl(), "fixtures/error-429.json", "", "", null)).withHeader("Retry-After", "0"))
                .willSetStateTo("accepted"));
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).inScenario("429").whenScenarioStateIs("accepted")
                .willReturn(json(202, fixture(wm.baseUrl(), "fixtures/job-processing.json", jobId, "", null))));
        api.jobFinishesAfter(jobId, "b7111111-1111-4111-8111-111111111111", null, 0);
        api.resultIs("b7111111-1111-4111-8111-111111111111", jobId, null);

        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));

        assertNull(out.getException());
        assertEquals(jobId, out.getMessage().getHeader(MindeeOcrConstants.JOB_ID));
        wm.verify(2, postRequestedFor(urlPathEqualTo(ENQUEUE)));
    }

    @Test
    void tooManyRequestsForeverFailsWithTheProblemAfterTheRetries() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE))
                .willReturn(json(429, fixture(wm.baseUrl(), "fixtures/error-429.json", "", "", null)).withHeader("Retry-After", "0")));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertEquals(429, e.getStatus());
        assertEquals("429-001", e.getCode());
        wm.verify(3, postRequestedFor(urlPathEqualTo(ENQUEUE)));
    }

    @Test
    void htmlErrorPageGivesStatusAndExcerpt() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>")));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertEquals(502, e.getStatus());
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void failedJobRaisesItsProblemWithTheJobId() {
        String jobId = "72222222-2222-4222-8222-222222222222";
        api.enqueueAccepts(jobId, null);
        wm.stubFor(MindeeApiStub.job(jobId).willReturn(json(200, fixture(wm.baseUrl(), "fixtures/job-failed.json", jobId, "", null))));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertEquals(jobId, e.getJobId());
        assertEquals("422-004", e.getCode());
        assertTrue(e.getMessage().contains("could not process job " + jobId), e.getMessage());
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void deadlineFailsWithATimeoutNamingTheJob() {
        String jobId = "73333333-3333-4333-8333-333333333333";
        api.enqueueAccepts(jobId, "late");
        api.jobNeverFinishes(jobId);
        long start = System.nanoTime();

        MindeeOcrException e = fails("direct:short", TestDocuments.png());

        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        MindeeOcrTimeoutException timeout = assertInstanceOf(MindeeOcrTimeoutException.class, e);
        assertEquals(jobId, timeout.getJobId());
        assertTrue(timeout.getMessage().contains(jobId) && timeout.getMessage().contains("getJob"));
        // the configured timeout and the time actually waited, never a negative figure
        assertTrue(timeout.getMessage().matches("(?s).*within pollTimeout \\(600 ms; waited \\d+ ms.*"),
                timeout.getMessage());
        assertTrue(took >= 600, "not before the deadline: " + took);
        assertTrue(wm.findAll(getRequestedFor(urlPathEqualTo("/v2/jobs/" + jobId))).size() >= 2);
    }

    @Test
    void anUnreachableServerIsNamedByItsOrigin() {
        int port = AvailablePortFinder.getNextAvailable();

        MindeeOcrException e = fails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID
                                     + "&baseUrl=http://127.0.0.1:" + port + "&maxRetries=0", TestDocuments.png());

        // the server the route was pointed at (a local engine here, not Mindee), and the cause
        assertTrue(e.getMessage().startsWith("Could not reach http://127.0.0.1:" + port + " for the enqueue"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }

    @Test
    void notJsonOnSuccessIsAClearError() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(aResponse().withStatus(202).withBody("accepted!")));

        MindeeOcrException e = fails("direct:ocr", TestDocuments.png());

        assertTrue(e.getMessage().contains("not the expected JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("accepted!"), e.getMessage());
    }

    @Test
    void connectionResetAfterSendingIsNotRetriedAndSaysAJobMayExist() {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange out = template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.ALIAS, "order-991");
        });

        MindeeOcrException e = assertInstanceOf(MindeeOcrException.class, out.getException());
        assertTrue(e.getMessage().contains("may have created a job"), e.getMessage());
        assertTrue(e.getMessage().contains("order-991"), e.getMessage());
        assertEquals("order-991", e.getAlias());
        wm.verify(1, postRequestedFor(urlPathEqualTo(ENQUEUE)));
    }

    @Test
    void badInputFailsBeforeAnyNetworkCall() {
        assertTrue(fails("direct:ocr", null).getMessage().contains("body is empty"));
        assertTrue(fails("direct:ocr", new byte[0]).getMessage().contains("empty byte array"));
        assertTrue(fails("direct:ocr", "GIF89a not a document".getBytes()).getMessage().contains("none of the types"));
        assertTrue(fails("direct:ocr", "http://example.com/a.pdf").getMessage().contains("only https://"));
        assertTrue(fails("direct:ocr", "not a url").getMessage().contains("must be an https:// URL"));
        assertTrue(fails("direct:ocr", "https://exa mple.com/a b").getMessage().contains("not a valid https:// URL"));

        Exchange textFile = template.request("direct:ocr", e -> {
            e.getMessage().setBody("plain text, no document".getBytes());
            e.getMessage().setHeader(Exchange.FILE_NAME, "inbox/notes.txt");
        });
        assertTrue(textFile.getException().getMessage().startsWith("The document notes.txt is none of the types"),
                textFile.getException().getMessage());

        Exchange badModel = template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.MODEL_ID, "my-model");
        });
        assertTrue(badModel.getException().getMessage().contains("must be a UUID"));

        Exchange badHeader = template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.ALIAS, 42);
        });
        assertTrue(badHeader.getException().getMessage().contains("must be a String"));

        Exchange badOperation = template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.OPERATION, "ocrEverything");
        });
        assertTrue(badOperation.getException().getMessage().contains("Unknown mindee-ocr operation 'ocrEverything'"));

        wm.verify(0, postRequestedFor(anyUrl()));
        wm.verify(0, getRequestedFor(anyUrl()));
    }
}
