package org.camelmindee.ocr;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.camelmindee.ocr.MindeeApiStub.MODEL_ID;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.camelmindee.ocr.TestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS is verified unless the user turns it off, and then the component says so. */
class MindeeOcrTlsTest {

    private static final String JOB = "e1111111-1111-4111-8111-111111111111";
    private static final String INFERENCE = "e2222222-2222-4222-8222-222222222222";

    /** Over HTTPS, unlike the other producer tests' server: its own. */
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private Exchange ocrOverHttps(String options) throws Exception {
        String base = "https://localhost:" + wm.getRuntimeInfo().getHttpsPort();
        wm.stubFor(post(urlPathEqualTo(ENQUEUE))
                .willReturn(json(202, fixture(base, "fixtures/job-processing.json", JOB, "", null))));
        wm.stubFor(MindeeApiStub.job(JOB).willReturn(json(302,
                fixture(base, "fixtures/job-processed.json", JOB, INFERENCE, null))));
        wm.stubFor(get(urlPathEqualTo("/v2/products/ocr/results/" + INFERENCE))
                .willReturn(json(200, fixture(base, "fixtures/result-3-pages.json", JOB, INFERENCE, null))));
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ocr").to("mindee-ocr:ocr?apiKey=" + API_KEY + "&modelId=" + MODEL_ID + "&baseUrl="
                                          + base + "&pollInitialDelay=20&maxRetries=0" + options);
                }
            });
            context.start();
            return context.createProducerTemplate().request("direct:ocr",
                    e -> e.getMessage().setBody(TestDocuments.png()));
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefault() throws Exception {
        Exchange out = ocrOverHttps("");

        MindeeOcrException e = assertInstanceOf(MindeeOcrException.class, out.getException());
        assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
        assertTrue(e.getMessage().contains("check the server's certificate"), e.getMessage());
        assertTrue(!e.getMessage().contains("may have created a job"), "nothing was sent: " + e.getMessage());
    }

    @Test
    void trustAllCertificatesAcceptsItAndWarns() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            Exchange out = ocrOverHttps("&trustAllCertificates=true");

            assertNull(out.getException());
            assertInstanceOf(OcrResponse.class, out.getMessage().getBody());
            assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("trustAllCertificates")));
        }
    }
}
