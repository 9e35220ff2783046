package org.camelmindee.ocr;

import java.util.Collection;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer's health check asks the model search; the dev console shows what the producers are doing. */
class MindeeOcrHealthAndConsoleTest extends MindeeOcrProducerTestSupport {


    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        // producer checks are off by default in Camel (camel.health.producersEnabled=true turns them on)
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri("&maxRetries=0"));
            }
        };
    }

    private HealthCheck.Result producerHealth() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith("producer:mindee-ocr")).findFirst()
                .orElseThrow(() -> new AssertionError("no mindee-ocr producer check in " + results));
    }

    @Test
    void upWhenTheModelSearchAnswers() {
        wm.stubFor(get(urlPathEqualTo("/v2/search/models")).willReturn(json(200, fixture(wm.baseUrl(), "fixtures/models.json", "", "", null))));

        HealthCheck.Result result = producerHealth();

        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals(1, result.getDetails().get("models"));
        // the id says which endpoint: its operation and model, not Camel's endpoint counter
        assertEquals("producer:mindee-ocr:ocr:" + MindeeApiStub.MODEL_ID, result.getCheck().getId());
        assertEquals("ocr", result.getDetails().get("operation"));
    }

    @Test
    void downWithTheProblemWhenTheKeyIsRefused() {
        wm.stubFor(get(urlPathEqualTo("/v2/search/models"))
                .willReturn(json(401, fixture(wm.baseUrl(), "fixtures/error-401.json", "", "", null))));

        HealthCheck.Result result = producerHealth();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertEquals(401, result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        assertTrue(result.getMessage().orElse("").contains("401-001"), result.getMessage().orElse(""));
        assertFalse(result.getMessage().orElse("").contains(MindeeApiStub.API_KEY));
    }

    @Test
    void devConsoleShowsRequestsAndTheLastError() {
        api.ocrSucceeds("b1111111-1111-4111-8111-111111111111", "f1111111-1111-4111-8111-111111111111", null, 1);
        template.request("direct:ocr", e -> e.getMessage().setBody(TestDocuments.png()));
        template.request("direct:ocr", e -> e.getMessage().setBody("http://insecure.example.com/x.pdf"));

        MindeeOcrDevConsole console = new MindeeOcrDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertTrue(text.contains("Jobs in flight: 0"), text);
        assertTrue(text.contains("1 enqueues, 2 polls, 1 results"), text);
        assertEquals(2L, json.get("polls"));
        assertEquals(0L, json.get("throttled"));
    }
}
