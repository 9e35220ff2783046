package org.camelmindee.ocr;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration that cannot work is refused when the route starts, with what to change. */
class MindeeOcrConfigurationTest {

    private static String startFails(String uri) {
        Exception e = assertThrows(Exception.class, () -> start(uri).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static CamelContext start(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        context.start();
        return context;
    }

    @Test
    void refusedAtStartUp() {
        assertTrue(startFails("mindee-ocr:ocr?modelId=" + MODEL_ID).contains("No Mindee API key"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=Bearer%20md_x&modelId=" + MODEL_ID).contains("raw key"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY).contains("No modelId"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=invoices").contains("must be a UUID"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&webhookIds=hook1")
                .contains("webhookIds must be a UUID"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl=ftp://x")
                .contains("must be an absolute http(s) URL"));
        // no scheme: a clear message, not the URI parser's text
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl=127.0.0.1:18932")
                .contains("baseUrl '127.0.0.1:18932' must be an absolute http(s) URL with its scheme"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID
                              + "&baseUrl=https://api-v2.mindee.net/v2")
                .contains("ends with /v2: give the server's root"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&pollTimeout=soon")
                .contains("pollTimeout"));
        assertTrue(startFails("mindee-ocr:ocrAll?apiKey=" + API_KEY).contains("Unknown mindee-ocr operation 'ocrAll'"));
        assertTrue(startFails("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&pollTimout=1s")
                .contains("pollTimout"), "a misspelt option is named");
    }

    @Test
    void durationsTakeCamelsForms() throws Exception {
        try (CamelContext context = start("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID
                                          + "&pollInitialDelay=1500&pollInterval=1s500ms&pollTimeout=10m")) {
            MindeeOcrConfiguration config = context.getEndpoints().stream()
                    .filter(MindeeOcrEndpoint.class::isInstance).map(e -> ((MindeeOcrEndpoint) e).getConfiguration())
                    .findFirst().orElseThrow();
            assertEquals(1500, config.getPollInitialDelay());
            assertEquals(1500, config.getPollInterval());
            assertEquals(600_000, config.getPollTimeout());
        }
    }

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpoint() throws Exception {
        CamelContext context = new DefaultCamelContext();
        MindeeOcrComponent component = new MindeeOcrComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setModelId(MODEL_ID);
        component.getConfiguration().setPollTimeout(30_000);
        context.addComponent("mindee-ocr", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("mindee-ocr:ocr?pollInterval=3s");
            }
        });
        context.start();
        MindeeOcrEndpoint endpoint = context.getEndpoint("mindee-ocr:ocr?pollInterval=3s", MindeeOcrEndpoint.class);
        assertEquals(30_000, endpoint.getConfiguration().getPollTimeout());
        assertEquals(3000, endpoint.getConfiguration().getPollInterval());
        assertEquals(1000, component.getConfiguration().getPollInterval(), "the component's own is untouched");
        context.close();
    }
}
