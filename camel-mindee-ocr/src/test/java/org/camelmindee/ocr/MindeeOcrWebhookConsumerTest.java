package org.camelmindee.ocr;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookFailure;
import org.junit.jupiter.api.Test;

import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The webhook consumer over real HTTP on loopback: what reaches a route, what never does, and what Mindee is told. */
class MindeeOcrWebhookConsumerTest extends MindeeOcrWebhookTestSupport {

    private static final String INFERENCE = "3b8f0c2e-5d41-4a7e-9c16-2f0e8d7b6a51";
    private static final String JOB = "9e1d7c55-0a3b-4f62-8d29-61c4b0e7f3a8";

    private final AtomicInteger flakyCalls = new AtomicInteger();

    private static String webhook(String path, String extra) {
        return "mindee-ocr:webhook?webhookPath=" + path + "&webhookSecret=" + SECRET + extra;
    }

    private static String result(String inferenceId) {
        return fixture("", "webhook/result.json", JOB, inferenceId, "po-4471");
    }

    private static String failure(String inferenceId) {
        return fixture("", "webhook/failure.json", JOB, inferenceId, "po-4472");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(webhook("/hooks/signed", "")).routeId("signed").to("mock:signed");
                from(webhook("/hooks/json", "&resultFormat=json")).routeId("json").to("mock:json");
                from(webhook("/hooks/text", "&resultFormat=text")).routeId("text").to("mock:text");
                from("mindee-ocr:webhook?webhookPath=/hooks/unsigned").routeId("unsigned").to("mock:unsigned");
                from(webhook("/hooks/small", "&webhookMaxPayloadSize=2048")).routeId("small").to("mock:small");
                from(webhook("/hooks/flaky", "")).routeId("flaky")
                        .process(e -> {
                            if (flakyCalls.incrementAndGet() == 1) {
                                throw new IllegalStateException("the archive is down");
                            }
                        })
                        .to("mock:flaky");
                from(webhook("/hooks/dead", "")).routeId("dead")
                        .errorHandler(deadLetterChannel("mock:dead"))
                        .to("mock:dead-route");
                from(webhook("/hooks/handled", "")).routeId("handled")
                        .onException(MindeeOcrException.class).handled(true).to("mock:handled-failure").end()
                        .to("mock:handled");
            }
        };
    }

    @Test
    void aSignedResultIsRoutedAsTheProducersResultWithNoHttpHeader() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        mock.expectedMessageCount(1);

        HttpResponse<String> answer = postSigned("/hooks/signed", result(INFERENCE));

        assertEquals(200, answer.statusCode());
        mock.assertIsSatisfied();
        Exchange routed = mock.getExchanges().get(0);
        OcrResponse body = assertInstanceOf(OcrResponse.class, routed.getMessage().getBody());
        assertEquals(2, body.pageCount());
        assertEquals("DELIVERY NOTE 4471\nShip to: Rotterdam\fSigned on receipt", routed.getMessage().getBody(String.class));

        Map<String, Object> headers = routed.getMessage().getHeaders();
        assertEquals(INFERENCE, headers.get(MindeeOcrConstants.INFERENCE_ID));
        assertEquals(JOB, headers.get(MindeeOcrConstants.JOB_ID));
        assertEquals("Processed", headers.get(MindeeOcrConstants.JOB_STATUS));
        assertEquals("po-4471", headers.get(MindeeOcrConstants.ALIAS));
        assertEquals("delivery-note.pdf", headers.get(MindeeOcrConstants.FILENAME));
        assertEquals(2, headers.get(MindeeOcrConstants.PAGE_COUNT));
        assertEquals("application/pdf", headers.get(MindeeOcrConstants.MIME_TYPE));
        // a fresh exchange: no X-Signature, User-Agent, Content-Type, CamelHttp* or Vert.x header of the request
        headers.keySet().forEach(name -> assertTrue(name.startsWith("CamelMindeeOcr"), "leaked header " + name));
        // and Mindee's request headers are not echoed in the answer
        assertFalse(answer.headers().firstValue("X-Signature").isPresent());
    }

    @Test
    void mindeesReal3PageResultPassesTheDefaultCapAndIsRouted() throws Exception {
        // Mindee's own sample, read where the project keeps it beside the repository, never copied into it
        Path real = Path.of("../../shared/mindee-test-data/v2/products/ocr/ocr_multiple.json");
        assumeTrue(Files.exists(real), "the shared Mindee test data is not beside the project");
        byte[] body = Files.readAllBytes(real);
        assertTrue(body.length < MindeeOcrConfiguration.DEFAULT_WEBHOOK_MAX_PAYLOAD_SIZE - 3_000_000);
        MockEndpoint mock = getMockEndpoint("mock:signed");
        mock.expectedMessageCount(1);

        assertEquals(200, post("/hooks/signed", body, Map.of("X-Signature", sign(SECRET, body))).statusCode());

        mock.assertIsSatisfied();
        OcrResponse result = mock.getExchanges().get(0).getMessage().getBody(OcrResponse.class);
        assertEquals(3, result.pageCount());
        assertEquals(1100, result.wordCount());
        assertEquals(3, mock.getExchanges().get(0).getMessage().getHeader(MindeeOcrConstants.PAGE_COUNT));
    }

    @Test
    void anUnsignedRequestIsRefusedWith401AndNeverRouted() throws Exception {
        getMockEndpoint("mock:signed").expectedMessageCount(0);
        byte[] body = result(INFERENCE).getBytes(StandardCharsets.UTF_8);

        assertEquals(401, post("/hooks/signed", body, Map.of()).statusCode());
        // signed, but in a header the endpoint does not read
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Mindee-Hmac-Signature", sign(SECRET, body))).statusCode());
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Signature", "")).statusCode());
        // a form-encoded body is no exception: the signature is checked before anything is made of the body
        assertEquals(401, post("/hooks/signed", "a=b".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded")).statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aTamperedOrForgedRequestIsRefusedWith401() throws Exception {
        getMockEndpoint("mock:signed").expectedMessageCount(0);
        byte[] body = result(INFERENCE).getBytes(StandardCharsets.UTF_8);
        String signature = sign(SECRET, body);
        byte[] tampered = result(INFERENCE).replace("Rotterdam", "Rotterdan").getBytes(StandardCharsets.UTF_8);

        assertEquals(401, post("/hooks/signed", tampered, Map.of("X-Signature", signature)).statusCode());
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Signature", sign("another-secret", body))).statusCode());
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Signature", signature.substring(2))).statusCode());
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Signature", "sha256=" + signature)).statusCode());
        assertEquals(401, post("/hooks/signed", body, Map.of("X-Signature", "not hex at all")).statusCode());
        // a valid signature does not make a bad body pass, nor a malformed one reach the parser
        assertEquals(401, post("/hooks/signed", "{".getBytes(StandardCharsets.UTF_8), Map.of("X-Signature", signature))
                .statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void theSdkFormSignedWithoutCrAndLfIsAccepted() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        mock.expectedMessageCount(1);

        HttpResponse<String> answer = postCrlfSdkSigned("/hooks/signed", result(INFERENCE));

        assertEquals(200, answer.statusCode());
        mock.assertIsSatisfied();
        assertEquals(INFERENCE, mock.getExchanges().get(0).getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));
    }

    @Test
    void aBodyOverTheCapIsRefusedWith413() throws Exception {
        getMockEndpoint("mock:small").expectedMessageCount(0);
        String padded = result(INFERENCE).replace("Signed on receipt", "x".repeat(4000));
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = Map.of("X-Signature", sign(SECRET, body));

        assertEquals(413, post("/hooks/small", body, signed).statusCode());
        // no Content-Length to trust: the body itself is measured
        assertEquals(413, postChunked("/hooks/small", body, signed).statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aDeclaredLengthOverTheServersLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        getMockEndpoint("mock:small").expectedMessageCount(0);

        // 100 MB announced, 1 KB sent: with the server's maxBodySize set, the answer comes from the headers, nobody
        // waits for (or buffers) the rest; webhookMaxPayloadSize then applies to what is under the server's limit
        assertEquals(413, statusForDeclaredLength("/hooks/small", 100L * 1024 * 1024));
        assertEquals(413, statusForDeclaredLength("/hooks/small", MAX_BODY_SIZE + 1));

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aSignedBodyThatIsNotAResultIsRefusedWith400() throws Exception {
        getMockEndpoint("mock:signed").expectedMessageCount(0);

        assertEquals(400, postSigned("/hooks/signed", "{\"inference\": {\"id\": ").statusCode());
        assertEquals(400, postSigned("/hooks/signed", "<html>502 Bad Gateway</html>").statusCode());
        assertEquals(400, postSigned("/hooks/signed", "[1, 2]").statusCode());
        assertEquals(400, postSigned("/hooks/signed", "").statusCode());
        assertEquals(400, postSigned("/hooks/signed", "{\"status\": \"ok\"}").statusCode());
        assertEquals(400, postSigned("/hooks/signed", "{\"inference\": {\"id\": \"x\", \"file\": {\"page_count\": \"many\"}}}")
                .statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aFailurePayloadFailsTheExchangeIntoTheDeadLetterChannel() throws Exception {
        getMockEndpoint("mock:dead-route").expectedMessageCount(0);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        String inference = "77c0a2d4-1e5b-4b93-8f07-c3a9e6d21b40";

        HttpResponse<String> answer = postSigned("/hooks/dead", failure(inference));

        // the dead letter channel handled it, so Mindee is told it arrived
        assertEquals(200, answer.statusCode());
        MockEndpoint.assertIsSatisfied(context);
        Exchange failed = dead.getExchanges().get(0);
        MindeeOcrException error = assertInstanceOf(MindeeOcrException.class,
                failed.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        assertEquals(422, error.getStatus());
        assertEquals("422-004", error.getCode());
        assertEquals("Unprocessable document", error.getTitle());
        assertEquals("#/file", error.getErrors().get(0).pointer());
        assertEquals("po-4472", error.getAlias());
        assertEquals(inference, assertInstanceOf(MindeeOcrWebhookFailureException.class, error).getInferenceId());
        assertTrue(error.getMessage().contains("scan-broken.pdf"), error.getMessage());
        assertInstanceOf(WebhookFailure.class, failed.getMessage().getBody());
        assertEquals(inference, failed.getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));
        assertEquals("Failed", failed.getMessage().getHeader(MindeeOcrConstants.JOB_STATUS));
        assertEquals("po-4472", failed.getMessage().getHeader(MindeeOcrConstants.ALIAS));
    }

    @Test
    void aFailureWithoutAProblemDocumentStillFailsTheExchange() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        String inference = "e4d3c2b1-a098-4f7e-8d6c-5b4a39281706";

        assertEquals(200, postSigned("/hooks/dead", "{\"inference_id\": \"" + inference + "\", \"file_alias\": \"a-1\"}")
                .statusCode());

        dead.assertIsSatisfied();
        MindeeOcrWebhookFailureException error = assertInstanceOf(MindeeOcrWebhookFailureException.class,
                dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        assertEquals(inference, error.getInferenceId());
        assertEquals("a-1", error.getAlias());
        assertEquals(0, error.getStatus());
    }

    @Test
    void aFailurePayloadReachesOnExceptionLikeAFailedJob() throws Exception {
        getMockEndpoint("mock:handled").expectedMessageCount(0);
        getMockEndpoint("mock:handled-failure").expectedMessageCount(1);

        assertEquals(200, postSigned("/hooks/handled", failure("5a0e3c71-9b2d-4e48-a6f1-0d7c8b9e2f13")).statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aFailurePayloadNobodyHandlesIsAnswered500() throws Exception {
        getMockEndpoint("mock:signed").expectedMessageCount(0);

        assertEquals(500, postSigned("/hooks/signed", failure("c2f4a6e8-0b1d-4c3e-9f5a-7b9d1e3f5a7c")).statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aDuplicateDeliveryIsAnswered200AndRoutedOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        mock.expectedMessageCount(1);

        assertEquals(200, postSigned("/hooks/signed", result(INFERENCE)).statusCode());
        assertEquals(200, postSigned("/hooks/signed", result(INFERENCE)).statusCode());
        // the SDK form of the same delivery is the same inference
        assertEquals(200, postCrlfSdkSigned("/hooks/signed", result(INFERENCE)).statusCode());

        mock.assertIsSatisfied();
        MindeeOcrWebhookConsumer consumer = (MindeeOcrWebhookConsumer) context.getRoute("signed").getConsumer();
        assertEquals(1, consumer.getStatistics().accepted());
        assertEquals(2, consumer.getStatistics().duplicates());
    }

    @Test
    void aRouteFailureIsAnswered500AndMindeesNextDeliveryGoesThrough() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:flaky");
        mock.expectedMessageCount(1);

        assertEquals(500, postSigned("/hooks/flaky", result(INFERENCE)).statusCode());
        assertEquals(200, postSigned("/hooks/flaky", result(INFERENCE)).statusCode());
        assertEquals(200, postSigned("/hooks/flaky", result(INFERENCE)).statusCode());

        mock.assertIsSatisfied();
        assertEquals(2, flakyCalls.get());
        MindeeOcrWebhookConsumer consumer = (MindeeOcrWebhookConsumer) context.getRoute("flaky").getConsumer();
        assertEquals(1, consumer.getStatistics().failed());
        assertEquals(1, consumer.getStatistics().accepted());
        assertEquals(1, consumer.getStatistics().duplicates());
    }

    @Test
    void aSuspendedRouteAnswers503SoThatMindeeDeliversAgainLater() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:signed");
        mock.expectedMessageCount(1);

        context.getRouteController().suspendRoute("signed");
        assertEquals(503, postSigned("/hooks/signed", result(INFERENCE)).statusCode());
        context.getRouteController().resumeRoute("signed");
        assertEquals(200, postSigned("/hooks/signed", result(INFERENCE)).statusCode());

        mock.assertIsSatisfied();
    }

    @Test
    void aRestartedRouteServesThePathAgain() throws Exception {
        getMockEndpoint("mock:signed").expectedMessageCount(1);

        context.getRouteController().stopRoute("signed");
        assertEquals(404, postSigned("/hooks/signed", result(INFERENCE)).statusCode());
        context.getRouteController().startRoute("signed");
        assertEquals(200, postSigned("/hooks/signed", result(INFERENCE)).statusCode());

        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void resultFormatJsonGivesTheBodyAsSentAndTextTheDocumentsText() throws Exception {
        getMockEndpoint("mock:json").expectedMessageCount(1);
        getMockEndpoint("mock:text").expectedMessageCount(1);
        String sent = result(INFERENCE);

        assertEquals(200, postSigned("/hooks/json", sent).statusCode());
        assertEquals(200, postSigned("/hooks/text", sent).statusCode());

        MockEndpoint.assertIsSatisfied(context);
        Exchange json = getMockEndpoint("mock:json").getExchanges().get(0);
        assertEquals(sent, json.getMessage().getBody());
        assertEquals(INFERENCE, json.getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));
        Exchange text = getMockEndpoint("mock:text").getExchanges().get(0);
        assertEquals("DELIVERY NOTE 4471\nShip to: Rotterdam\fSigned on receipt", text.getMessage().getBody());
        assertEquals(2, text.getMessage().getHeader(MindeeOcrConstants.PAGE_COUNT));
    }

    @Test
    void withoutASecretUnsignedResultsAreAcceptedAndAWarningWasLogged() throws Exception {
        getMockEndpoint("mock:unsigned").expectedMessageCount(1);

        byte[] body = result(INFERENCE).getBytes(StandardCharsets.UTF_8);
        assertEquals(200, post("/hooks/unsigned", body, Map.of()).statusCode());

        MockEndpoint.assertIsSatisfied(context);
        String log = Files.readString(Path.of("target/camel-mindee-ocr-test.log"));
        assertTrue(log.contains("mindee-ocr:webhook on /hooks/unsigned has no webhookSecret"));
    }

    @Test
    void theSecretNeverAppearsInLogsOrAnswers() {
        byte[] body = result(INFERENCE).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post("/hooks/signed", body, Map.of("X-Signature", sign("wrong", body)));
        HttpResponse<String> failed = postSigned("/hooks/signed", failure("0f9e8d7c-6b5a-4c3d-8e1f-2a3b4c5d6e7f"));

        assertFalse(refused.body().contains(SECRET));
        assertFalse(failed.body().contains(SECRET));
        assertFalse(context.getEndpoint(webhook("/hooks/signed", "")).toString().contains(SECRET));
        assertFalse(assertInstanceOf(MindeeOcrEndpoint.class, context.getRoute("signed").getEndpoint()).getConfiguration()
                .toString().contains(SECRET));
        try {
            String log = Files.readString(Path.of("target/camel-mindee-ocr-test.log"));
            assertTrue(log.contains("Refused a webhook on /hooks/signed"));
            assertFalse(log.contains(SECRET));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theHealthCheckAndTheDevConsoleShowThePathAndTheDeliveries() {
        byte[] body = result(INFERENCE).getBytes(StandardCharsets.UTF_8);
        post("/hooks/signed", body, Map.of());
        postSigned("/hooks/signed", result(INFERENCE));

        MindeeOcrWebhookConsumer consumer = (MindeeOcrWebhookConsumer) context.getRoute("signed").getConsumer();
        HealthCheck.Result health = consumer.getHealthCheck().call();
        assertEquals(HealthCheck.State.UP, health.getState());
        assertEquals("/hooks/signed", health.getDetails().get("webhook.path"));

        MindeeOcrDevConsole console = new MindeeOcrDevConsole();
        console.setCamelContext(context);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> webhooks = (List<Map<String, Object>>) json.get("webhooks");
        Map<String, Object> signed = webhooks.stream().filter(w -> "/hooks/signed".equals(w.get("path"))).findFirst()
                .orElseThrow();
        assertEquals(1L, signed.get("accepted"));
        @SuppressWarnings("unchecked")
        Map<String, Object> refused = (Map<String, Object>) signed.get("refused");
        assertEquals(1L, refused.get("signature"));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertNotNull(text);
        assertTrue(text.contains("POST /hooks/signed"), text);
        assertTrue(text.contains("UNSIGNED accepted"), text);
    }
}
