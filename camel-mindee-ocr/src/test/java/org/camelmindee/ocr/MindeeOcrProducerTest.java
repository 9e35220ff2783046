package org.camelmindee.ocr;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.Point;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ocr} operation against a WireMock Mindee: enqueue, polls, the 302, the result, body and headers. */
class MindeeOcrProducerTest extends MindeeOcrProducerTestSupport {


    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri(""));
                from("direct:json").to(ocrUri("&resultFormat=json"));
                from("direct:text").to(ocrUri("&resultFormat=text&alias=endpoint-alias&filename=fallback.png"));
            }
        };
    }

    @Test
    void pollsUntilThe302ThenReadsTheResultOnce() {
        api.ocrSucceeds("11111111-1111-4111-8111-111111111111", "aaaaaaaa-1111-4111-8111-111111111111", "po-17", 2);

        Exchange out = template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.ALIAS, "po-17");
            e.getMessage().setHeader(Exchange.FILE_NAME, "inbox/scan-17.png");
        });

        assertNull(out.getException());
        OcrResponse result = assertInstanceOf(OcrResponse.class, out.getMessage().getBody());
        assertEquals(3, result.pageCount());
        assertEquals(8, result.wordCount());
        assertEquals(new Point(0.1, 0.05), result.inference().result().pages().get(0).words().get(0).polygon().get(0));
        assertEquals("INVOICE 2026-117\nDue: 30 days\fItem Qty Price\f", out.getMessage().getBody(String.class));

        Map<String, Object> h = out.getMessage().getHeaders();
        assertEquals("11111111-1111-4111-8111-111111111111", h.get(MindeeOcrConstants.JOB_ID));
        assertEquals("aaaaaaaa-1111-4111-8111-111111111111", h.get(MindeeOcrConstants.INFERENCE_ID));
        assertEquals("Processed", h.get(MindeeOcrConstants.JOB_STATUS));
        assertEquals(3, h.get(MindeeOcrConstants.PAGE_COUNT));
        assertEquals("application/pdf", h.get(MindeeOcrConstants.MIME_TYPE));
        assertEquals("po-17", h.get(MindeeOcrConstants.ALIAS));
        assertEquals("invoice.pdf", h.get(MindeeOcrConstants.FILENAME));

        wm.verify(1, postRequestedFor(urlPathEqualTo(ENQUEUE)));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/v2/jobs/11111111-1111-4111-8111-111111111111")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2/products/ocr/results/aaaaaaaa-1111-4111-8111-111111111111")));

        LoggedRequest enqueue = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
        assertEquals(API_KEY, enqueue.getHeader("Authorization"), "the raw key, no Bearer prefix");
        assertTrue(enqueue.getHeader("User-Agent").startsWith("camel-mindee-ocr/"));
        assertTrue(enqueue.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
        assertEquals(MODEL_ID, enqueue.getPart("model_id").getBody().asString());
        assertEquals("po-17", enqueue.getPart("alias").getBody().asString());
        assertEquals("scan-17.png", enqueue.getPart("filename").getBody().asString());
        assertTrue(enqueue.getPart("file").getHeader("Content-Disposition").firstValue().contains("filename=\"scan-17.png\""));
        assertEquals("image/png", enqueue.getPart("file").getHeader("Content-Type").firstValue());
        assertTrue(java.util.Arrays.equals(TestDocuments.png(), enqueue.getPart("file").getBody().asBytes()));
        assertTrue(enqueue.containsHeader("Content-Length"), "a known length, not chunked");
    }

    @Test
    void resultFormatJsonIsTheApisJsonUnchanged() throws Exception {
        api.ocrSucceeds("22222222-2222-4222-8222-222222222222", "bbbbbbbb-2222-4222-8222-222222222222", null, 0);

        Exchange out = template.request("direct:json", e -> e.getMessage().setBody(TestDocuments.png()));

        String json = assertInstanceOf(String.class, out.getMessage().getBody());
        JsonNode tree = MindeeJson.mapper().readTree(json);
        assertEquals(42, tree.get("extra_top_level").asInt(), "unknown fields are kept in the JSON");
        assertEquals("bbbbbbbb-2222-4222-8222-222222222222", tree.at("/inference/id").asText());
        assertEquals(3, out.getMessage().getHeader(MindeeOcrConstants.PAGE_COUNT));
    }

    @Test
    void resultFormatTextAndEndpointDefaultsForAliasAndFilename() {
        api.ocrSucceeds("33333333-3333-4333-8333-333333333333", "cccccccc-3333-4333-8333-333333333333", null, 1);

        Exchange out = template.request("direct:text", e -> e.getMessage().setBody(TestDocuments.png()));

        assertEquals("INVOICE 2026-117\nDue: 30 days\fItem Qty Price\f", out.getMessage().getBody());
        LoggedRequest enqueue = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
        assertEquals("endpoint-alias", enqueue.getPart("alias").getBody().asString());
        assertEquals("fallback.png", enqueue.getPart("filename").getBody().asString());
    }

    @Test
    void headersOverrideTheEndpointForOneExchange() {
        String otherModel = "9e8d7c6b-5a49-4382-9716-05f4e3d2c1b0";
        api.ocrSucceeds("44444444-4444-4444-8444-444444444444", "dddddddd-4444-4444-8444-444444444444", "x", 0);

        Exchange out = template.request("direct:text", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader(MindeeOcrConstants.MODEL_ID, otherModel);
            e.getMessage().setHeader(MindeeOcrConstants.ALIAS, "header-alias");
            e.getMessage().setHeader(MindeeOcrConstants.FILENAME, "header-name.png");
            e.getMessage().setHeader("CamelAwsS3Key", "bucket/dir/s3-name.png");
            e.getMessage().setHeader(MindeeOcrConstants.OPERATION, "enqueue");
        });

        assertNull(out.getException());
        assertEquals("Processing", out.getMessage().getHeader(MindeeOcrConstants.JOB_STATUS), "enqueue, not ocr");
        assertInstanceOf(org.camelmindee.ocr.model.Job.class, out.getMessage().getBody());
        LoggedRequest enqueue = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
        assertEquals(otherModel, enqueue.getPart("model_id").getBody().asString());
        assertEquals("header-alias", enqueue.getPart("alias").getBody().asString());
        assertEquals("header-name.png", enqueue.getPart("filename").getBody().asString());
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v2/jobs/44444444-4444-4444-8444-444444444444")));
    }

    @Test
    void s3KeyNamesTheFileWhenNoFileHeaderDoes() {
        api.ocrSucceeds("55555555-5555-4555-8555-555555555555", "eeeeeeee-5555-4555-8555-555555555555", null, 0);

        template.request("direct:ocr", e -> {
            e.getMessage().setBody(TestDocuments.png());
            e.getMessage().setHeader("CamelAwsS3Key", "incoming/2026/s3-name.png");
        });

        LoggedRequest enqueue = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
        assertEquals("s3-name.png", enqueue.getPart("filename").getBody().asString());
    }
}
