package org.camelmindee.ocr;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.TestFixtures.fixture;

/** Stubs of the Mindee API on WireMock, answering as {@code mindee-v2-contract.md} says the API does. */
final class MindeeApiStub {

    static final String MODEL_ID = "0d5a3f1e-7c1b-4a8e-9f42-6b1de0c7a001";
    static final String API_KEY = "md_test_3a9c5e7f1b2d4f6a8c0e2a4c6e8a0c2e";
    static final String ENQUEUE = "/v2/products/ocr/enqueue";

    private final WireMockExtension wm;

    MindeeApiStub(WireMockExtension wm) {
        this.wm = wm;
    }

    String base() {
        return wm.baseUrl();
    }

    /** Enqueue answers 202 with a new job in Processing. */
    void enqueueAccepts(String jobId, String alias) {
        wm.stubFor(post(urlPathEqualTo(ENQUEUE)).willReturn(json(202, fixture(base(), "fixtures/job-processing.json", jobId, "", alias))));
    }

    /** The job answers Processing {@code pending} times, then 302 to its result with the job as body. */
    void jobFinishesAfter(String jobId, String inferenceId, String alias, int pending) {
        String state = Scenario.STARTED;
        for (int i = 0; i < pending; i++) {
            String next = "poll-" + (i + 1);
            wm.stubFor(job(jobId).inScenario(jobId).whenScenarioStateIs(state)
                    .willReturn(json(200, fixture(base(), "fixtures/job-processing.json", jobId, "", alias))).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(job(jobId).inScenario(jobId).whenScenarioStateIs(state)
                .willReturn(json(302, fixture(base(), "fixtures/job-processed.json", jobId, inferenceId, alias))
                        .withHeader("Location", base() + "/v2/products/ocr/results/" + inferenceId)));
    }

    /** The job answers Processing forever. */
    void jobNeverFinishes(String jobId) {
        wm.stubFor(job(jobId).willReturn(json(200, fixture(base(), "fixtures/job-processing.json", jobId, "", null))));
    }

    void resultIs(String inferenceId, String jobId, String alias) {
        wm.stubFor(get(urlPathEqualTo("/v2/products/ocr/results/" + inferenceId))
                .willReturn(json(200, fixture(base(), "fixtures/result-3-pages.json", jobId, inferenceId, alias))));
    }

    /** Everything a successful {@code ocr} needs: enqueue, {@code pending} polls in Processing, the 302, the result. */
    void ocrSucceeds(String jobId, String inferenceId, String alias, int pending) {
        enqueueAccepts(jobId, alias);
        jobFinishesAfter(jobId, inferenceId, alias, pending);
        resultIs(inferenceId, jobId, alias);
    }

    static MappingBuilder job(String jobId) {
        return get(urlPathEqualTo("/v2/jobs/" + jobId));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
