package org.camelmindee.ocr;

import java.util.function.Predicate;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API key never shows: not in log lines, exceptions, endpoints, headers or configuration. */
class MindeeOcrSecretsTest extends MindeeOcrProducerTestSupport {


    /** With the key set on the component, it is in no line at any level, Camel's own DEBUG and TRACE included. */
    @Test
    void keyOnTheComponentAppearsNowhere() throws Exception {
        String seen = run(context -> {
            MindeeOcrComponent component = new MindeeOcrComponent();
            component.getConfiguration().setApiKey(API_KEY);
            context.addComponent("mindee-ocr", component);
            return "mindee-ocr:ocr?modelId=" + MODEL_ID + "&baseUrl=" + wm.baseUrl()
                   + "&pollInitialDelay=50&pollInterval=50";
        }, line -> true);

        assertFalse(seen.contains(API_KEY.substring(3, 20)), "the API key leaked:\n" + seen);
    }

    /**
     * With the key in the endpoint URI, the component's lines never show it, nor does anything at INFO and above;
     * Camel core's own DEBUG and TRACE lines print the URI parameters, which the docs say.
     */
    @Test
    void keyInTheUriStaysOutOfTheComponentsLinesAndOfInfo() throws Exception {
        String seen = run(context -> ocrUri(""),
                line -> line.startsWith("INFO") || line.startsWith("WARN") || line.startsWith("ERROR")
                        || line.split(" ", 3)[1].startsWith("org.camelmindee"));

        assertFalse(seen.contains(API_KEY.substring(3, 20)), "the API key leaked:\n" + seen);
    }

    /** WireMock stands for Mindee here: what its server logs of the requests it received is the remote side's. */
    private static boolean ours(String line) {
        String logger = line.split(" ", 3)[1];
        return !logger.startsWith("org.eclipse.jetty") && !logger.contains("wiremock") && !logger.contains("WireMock");
    }

    private interface Setup {
        String uri(CamelContext context) throws Exception;
    }

    private String run(Setup setup, Predicate<String> linesToCheck) throws Exception {
        api.ocrSucceeds("a1111111-1111-4111-8111-111111111111", "e1111111-1111-4111-8111-111111111111", null, 1);
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = new LogCapture(); CamelContext context = new DefaultCamelContext()) {
            String uri = setup.uri(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocr").to(uri);
                    from("direct:bad").to(uri + "&maxRetries=0");
                }
            });
            context.start();

            Exchange ok = context.createProducerTemplate().request("direct:ocr",
                    e -> e.getMessage().setBody(TestDocuments.png()));
            seen.append(ok.getMessage().getHeaders());

            wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(json(401, fixture(wm.baseUrl(), "fixtures/error-401.json", "", "", null))));
            Exchange failed = context.createProducerTemplate().request("direct:bad",
                    e -> e.getMessage().setBody(TestDocuments.png("another document")));
            assertNotNull(failed.getException());
            seen.append(failed.getException()).append(failed.getException().getMessage());

            for (Endpoint endpoint : context.getEndpoints()) {
                seen.append(endpoint);
                if (endpoint instanceof MindeeOcrEndpoint mindee) {
                    seen.append(mindee.getConfiguration());
                }
            }
            seen.append(context.getRoutes());
            context.stop();

            assertTrue(logs.lines().size() > 20, "logging was captured: " + logs.lines().size());
            logs.lines().stream().filter(MindeeOcrSecretsTest::ours).filter(linesToCheck)
                    .forEach(line -> seen.append(line).append('\n'));
        }
        return seen.toString();
    }
}
