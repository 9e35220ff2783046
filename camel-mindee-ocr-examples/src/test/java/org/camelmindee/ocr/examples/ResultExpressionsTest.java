package org.camelmindee.ocr.examples;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.WebhookFailure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every expression of docs/results.md, in routes, on real results of the local engine. */
class ResultExpressionsTest extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), new Properties());
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr")
                        .to("mindee-ocr:ocr")
                        .setHeader("text", simple("${body.text}"))
                        .setHeader("pageCount", simple("${body.pageCount}"))
                        .setHeader("fileName", simple("${body.inference.file.name}"))
                        .setHeader("firstPage", simple("${body.inference.result.pages[0].content}"))
                        .setHeader("firstWord", simple("${body.inference.result.pages[0].words[0].content}"))
                        .setHeader("firstX", simple("${body.inference.result.pages[0].words[0].polygon[0].x}"))
                        .to("mock:result")
                        .split(simple("${body.inference.result.pages}"))
                            .setBody(simple("${body.content}"))
                            .to("mock:page");

                from("direct:enqueue")
                        .to("mindee-ocr:enqueue")
                        .setHeader("jobId", simple("${body.id}"))
                        .setHeader("status", simple("${body.status}"))
                        .to("mock:job");

                // docs/results.md's searchModels example, from a direct: instead of a timer
                from("direct:models")
                        .setBody(constant("OCR"))
                        .to("mindee-ocr:searchModels")
                        .log("${body.models.size} models; the first: ${body.models[0].name} (${body.models[0].id})")
                        .setHeader("count", simple("${body.models.size}"))
                        .setHeader("modelId", simple("${body.models[0].id}"))
                        .to("mock:models")
                        .split(simple("${body.models}"))
                            .setBody(simple("${body.name}: ${body.id}, ${body.webhooks.size} webhook(s)"))
                            .to("mock:model");

                from("direct:failure")
                        .setHeader("fileName", simple("${body.fileName}"))
                        .setHeader("detail", simple("${body.error.detail}"))
                        .to("mock:failure");
            }
        };
    }

    @Test
    void theResultsExpressions() throws Exception {
        MockEndpoint pages = getMockEndpoint("mock:page");
        pages.expectedMessageCount(3);
        Exchange out = template.request("direct:ocr", e -> {
            e.getMessage().setBody(LocalMindeeForTests.sample("delivery-note.pdf"));
            e.getMessage().setHeader(Exchange.FILE_NAME, "delivery-note.pdf");
        });
        assertEquals(null, out.getException());
        Map<String, Object> h = getMockEndpoint("mock:result").getExchanges().get(0).getMessage().getHeaders();
        assertEquals(3, Integer.parseInt(h.get("pageCount").toString()));
        assertEquals("delivery-note.pdf", h.get("fileName"));
        assertTrue(h.get("text").toString().contains("DELIVERY NOTE"), h.get("text").toString());
        assertEquals(3, h.get("text").toString().split("\f").length, "pages joined by a form feed");
        assertTrue(h.get("firstPage").toString().startsWith("DELIVERY NOTE"), h.get("firstPage").toString());
        assertEquals("DELIVERY", h.get("firstWord"));
        double x = Double.parseDouble(h.get("firstX").toString());
        assertTrue(x > 0 && x < 1, "relative to the page: " + x);
        pages.assertIsSatisfied();
        assertTrue(pages.getExchanges().get(0).getMessage().getBody(String.class).startsWith("DELIVERY NOTE"));
    }

    @Test
    void theJobOfAnEnqueue() throws Exception {
        template.send("direct:enqueue", e -> {
            e.getMessage().setBody(LocalMindeeForTests.sample("scanned-letter.png"));
            e.getMessage().setHeader(Exchange.FILE_NAME, "scanned-letter.png");
        });
        Map<String, Object> h = getMockEndpoint("mock:job").getExchanges().get(0).getMessage().getHeaders();
        assertEquals(h.get("CamelMindeeOcrJobId"), h.get("jobId"));
        assertTrue(List.of("Processing", "Processed").contains(h.get("status").toString()), h.get("status").toString());
    }

    @Test
    void theSearchModelsExample() throws Exception {
        template.sendBody("direct:models", null);
        Map<String, Object> h = getMockEndpoint("mock:models").getExchanges().get(0).getMessage().getHeaders();
        assertEquals("1", h.get("count").toString());
        assertEquals(LocalMindeeServer.MODEL_ID, h.get("modelId"));
        assertEquals(LocalMindeeServer.MODEL_NAME + ": " + LocalMindeeServer.MODEL_ID + ", 0 webhook(s)",
                getMockEndpoint("mock:model").getExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void aWebhookFailure() throws Exception {
        template.sendBody("direct:failure", new WebhookFailure("inf-1", LocalMindeeServer.MODEL_ID, "scan.pdf", null,
                new ErrorResponse(422, "Unreadable", "The file could not be read.", "422-001"), Instant.now()));
        Map<String, Object> h = getMockEndpoint("mock:failure").getExchanges().get(0).getMessage().getHeaders();
        assertEquals("scan.pdf", h.get("fileName"));
        assertEquals("The file could not be read.", h.get("detail"));
    }
}
