package org.camelmindee.ocr;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;

/**
 * The producer tests' Mindee: a WireMock server started for each test class on a free port, with the
 * {@link FirstThenTransformer} for faults and a backlog for bursts; the stubs of {@link MindeeApiStub}; the endpoint URI
 * that points at it. (The TLS test has its own server, over HTTPS.)
 */
abstract class MindeeOcrProducerTestSupport extends CamelTestSupport {

    /** Answers the first requests of a stub with a fault; {@link FirstThenTransformer#NAME} on a stub uses it. */
    static final FirstThenTransformer FIRST_THEN = new FirstThenTransformer();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().jettyAcceptQueueSize(1000).extensions(FIRST_THEN))
            .build();

    final MindeeApiStub api = new MindeeApiStub(wm);

    /** The first enqueue is answered 429, the next ones 202 with the job {@code jobId} in Processing. */
    static void enqueueThrottledOnceThenAccepts(String jobId) {
        FIRST_THEN.set(1, MindeeApiStub.json(429, TestFixtures.fixture(wm.baseUrl(), "fixtures/error-429.json", "", "",
                null)), MindeeApiStub.json(202, TestFixtures.fixture(wm.baseUrl(), "fixtures/job-processing.json", jobId,
                "", null)));
        wm.stubFor(WireMock.post(WireMock.urlPathEqualTo(MindeeApiStub.ENQUEUE))
                .willReturn(WireMock.aResponse().withTransformers(FirstThenTransformer.NAME)));
    }

    /** An {@code ocr} endpoint on the stub that polls every 50 ms, with {@code extra} options ({@code &name=value}). */
    static String ocrUri(String extra) {
        return "mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl=" + wm.baseUrl()
               + "&pollInitialDelay=50&pollInterval=50&pollTimeout=20s" + extra;
    }
}
