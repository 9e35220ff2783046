package org.camelmindee.ocr;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.ModelsResponse;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations other than {@code ocr}: for webhook flows, recovery, and looking up models. */
class MindeeOcrOperationsTest extends MindeeOcrProducerTestSupport {


    @Override
    protected RoutesBuilder createRouteBuilder() {
        String common = "?apiKey=" + API_KEY + "&baseUrl=" + wm.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enqueue").to("mindee-ocr:enqueue" + common + "&modelId=" + MODEL_ID
                                          + "&webhookIds=5b7c9d1f-2e4a-4c6b-8d0f-1a3c5e7b9d21,"
                                          + "6c8d0e2f-3f5b-4d7c-9e1a-2b4d6f8a0c32");
                from("direct:getJob").to("mindee-ocr:getJob" + common);
                from("direct:getResult").to("mindee-ocr:getResult" + common);
                from("direct:searchModels").to("mindee-ocr:searchModels" + common);
            }
        };
    }

    @Test
    void enqueueReturnsTheJobAndSendsTheWebhookIds() {
        api.enqueueAccepts("81111111-1111-4111-8111-111111111111", "doc-1");

        Exchange out = template.request("direct:enqueue", e -> e.getMessage().setBody(TestDocuments.png()));

        Job job = assertInstanceOf(Job.class, out.getMessage().getBody());
        assertEquals(JobStatus.PROCESSING, job.status());
        assertEquals("doc-1", job.alias());
        assertEquals("81111111-1111-4111-8111-111111111111", out.getMessage().getHeader(MindeeOcrConstants.JOB_ID));
        assertEquals("Processing", out.getMessage().getHeader(MindeeOcrConstants.JOB_STATUS));
        assertEquals(java.time.Instant.parse("2026-03-02T09:15:04.120394Z"), job.createdAt(), "no zone means UTC");
        String written = assertDoesNotThrow(() -> org.camelmindee.ocr.model.MindeeJson.mapper().writeValueAsString(job));
        assertFalse(written.contains("\"processed\"") || written.contains("\"failed\""), "only the API's fields: " + written);
        assertEquals("5b7c9d1f-2e4a-4c6b-8d0f-1a3c5e7b9d21,6c8d0e2f-3f5b-4d7c-9e1a-2b4d6f8a0c32",
                wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo(MindeeApiStub.ENQUEUE))).get(0).getPart("webhook_ids").getBody().asString());
    }

    @Test
    void getJobWhileProcessingThenOnceProcessed() {
        String jobId = "82222222-2222-4222-8222-222222222222";
        api.jobFinishesAfter(jobId, "c8222222-2222-4222-8222-222222222222", null, 1);

        Exchange first = template.request("direct:getJob", e -> e.getMessage().setHeader(MindeeOcrConstants.JOB_ID, jobId));
        assertEquals("Processing", first.getMessage().getHeader(MindeeOcrConstants.JOB_STATUS));
        assertNull(first.getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));

        Exchange second = template.request("direct:getJob", e -> e.getMessage().setHeader(MindeeOcrConstants.JOB_ID, jobId));
        Job job = assertInstanceOf(Job.class, second.getMessage().getBody());
        assertEquals(JobStatus.PROCESSED, job.status());
        assertEquals("Processed", second.getMessage().getHeader(MindeeOcrConstants.JOB_STATUS));
        assertEquals("c8222222-2222-4222-8222-222222222222",
                second.getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));
    }

    @Test
    void getJobAndGetResultChainForRecovery() {
        String jobId = "83333333-3333-4333-8333-333333333333";
        String inferenceId = "c8333333-3333-4333-8333-333333333333";
        api.jobFinishesAfter(jobId, inferenceId, "lost-webhook", 0);
        api.resultIs(inferenceId, jobId, "lost-webhook");

        Exchange job = template.request("direct:getJob", e -> e.getMessage().setHeader(MindeeOcrConstants.JOB_ID, jobId));
        Exchange result = template.request("direct:getResult",
                e -> e.getMessage().setHeaders(job.getMessage().getHeaders()));

        OcrResponse response = assertInstanceOf(OcrResponse.class, result.getMessage().getBody());
        assertEquals(inferenceId, response.inference().id());
        assertEquals("lost-webhook", result.getMessage().getHeader(MindeeOcrConstants.ALIAS));
    }

    @Test
    void getResultTakesTheJobIdAsMindeesOwnClientsDo() {
        String jobId = "84444444-4444-4444-8444-444444444444";
        api.resultIs(jobId, jobId, "by-job-id");

        Exchange result = template.request("direct:getResult",
                e -> e.getMessage().setHeader(MindeeOcrConstants.JOB_ID, jobId));

        OcrResponse response = assertInstanceOf(OcrResponse.class, result.getMessage().getBody());
        assertEquals(jobId, response.inference().job().id());
        assertEquals(1, wm.findAll(getRequestedFor(urlPathEqualTo("/v2/products/ocr/results/" + jobId))).size());
        Exchange neither = template.request("direct:getResult", e -> e.getMessage().setBody("x"));
        assertTrue(neither.getException().getMessage()
                .contains("needs header CamelMindeeOcrInferenceId or CamelMindeeOcrJobId"));
    }

    @Test
    void getJobWithoutTheHeaderSaysWhichHeader() {
        Exchange out = template.request("direct:getJob", e -> e.getMessage().setBody("x"));
        assertTrue(out.getException().getMessage().contains("needs header CamelMindeeOcrJobId"));
    }

    @Test
    void searchModelsFiltersByNameAndOcrType() {
        wm.stubFor(get(urlPathEqualTo("/v2/search/models"))
                .willReturn(json(200, fixture(wm.baseUrl(), "fixtures/models.json", "", "", null))));

        Exchange out = template.request("direct:searchModels", e -> e.getMessage().setBody("Warehouse"));

        ModelsResponse models = assertInstanceOf(ModelsResponse.class, out.getMessage().getBody());
        assertEquals(MODEL_ID, models.models().get(0).id());
        assertEquals("erp", models.models().get(0).webhooks().get(0).name());
        var request = wm.findAll(getRequestedFor(urlPathEqualTo("/v2/search/models"))).get(0);
        assertEquals("Warehouse", request.queryParameter("name").firstValue());
        assertEquals("ocr", request.queryParameter("model_type").firstValue());
    }
}
