package org.camelmindee.ocr;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.API_KEY;
import static org.camelmindee.ocr.MindeeApiStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.output.ScannedPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resultFormat=searchablePdf|hocr|alto} on the producer: {@code ocr} with its own document, {@code getResult}. */
class MindeeOcrOutputFormatsTest extends MindeeOcrProducerTestSupport {

    private static final String JOB = "83333333-3333-4333-8333-333333333333";
    private static final String INFERENCE = "c8333333-3333-4333-8333-333333333333";

    @TempDir
    Path dir;

    private ScannedPages.Page page;
    private File scan;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the PDF body must not depend on stream caching, which a context may turn off
        context.setStreamCaching(false);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String common = "?apiKey=" + API_KEY + "&baseUrl=" + wm.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pdf").to(ocrUri("&resultFormat=searchablePdf"));
                from("direct:pdfa").to(ocrUri("&resultFormat=searchablePdf&pdfA=true"));
                from("direct:hocr").to(ocrUri("&resultFormat=hocr"));
                from("direct:alto").to(ocrUri("&resultFormat=alto"));
                from("direct:getResult").to("mindee-ocr:getResult" + common + "&resultFormat=searchablePdf");
                from("direct:getResultAlto").to("mindee-ocr:getResult" + common + "&resultFormat=alto");
            }
        };
    }

    @BeforeEach
    void scanAndItsResult() throws Exception {
        page = ScannedPages.page(1240, 1754, 10, 21);
        scan = dir.resolve("scan.png").toFile();
        ImageIO.write(page.image(), "png", scan);
        OcrResponse result = ScannedPages.response("scan.png", "image/png", List.of(page.ocr()));
        String body = MindeeJson.mapper().writeValueAsString(result).replace("\"00000000-0000-0000-0000-000000000001\"",
                "\"" + INFERENCE + "\"");
        api.enqueueAccepts(JOB, null);
        api.jobFinishesAfter(JOB, INFERENCE, null, 1);
        wm.stubFor(get(urlPathEqualTo("/v2/products/ocr/results/" + INFERENCE)).willReturn(json(200, body)));
    }

    @Test
    void ocrLaysTheTextOnTheDocumentItSent() throws Exception {
        Exchange out = template.request("direct:pdf", e -> e.getMessage().setBody(scan));

        assertInstanceOf(StreamCache.class, out.getMessage().getBody(), "PDF bytes that may be spooled to disk");
        assertEquals(INFERENCE, out.getMessage().getHeader(MindeeOcrConstants.INFERENCE_ID));
        assertSearchable(out.getMessage().getBody(byte[].class));
    }

    @Test
    void bytesInMemoryWorkToo() throws Exception {
        Exchange out = template.request("direct:pdfa", e -> e.getMessage().setBody(Files.readAllBytes(scan.toPath())));
        assertSearchable(out.getMessage().getBody(byte[].class));
    }

    @Test
    void hocrAndAltoAreMeasuredOnTheOriginal() {
        String hocr = template.requestBody("direct:hocr", scan, String.class);
        assertTrue(hocr.contains("bbox 0 0 1240 1754; ppageno 0"), hocr.substring(0, 600));
        String alto = template.requestBody("direct:alto", scan, String.class);
        assertTrue(alto.contains("WIDTH=\"1240\" HEIGHT=\"1754\""), alto.substring(0, 800));
    }

    @Test
    void aUrlCannotBeMadeSearchableAndNothingIsSent() {
        Exchange out = template.request("direct:pdf", e -> e.getMessage().setBody("https://example.com/scan.pdf"));

        MindeeOcrException e = assertInstanceOf(MindeeOcrException.class, out.getException());
        assertTrue(e.getMessage().contains("send the document's bytes or a file instead"), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size(), "no job was made");
    }

    @Test
    void getResultLaysTheTextOnTheOriginalInTheBody() throws Exception {
        Exchange out = template.request("direct:getResult", e -> {
            e.getMessage().setHeader(MindeeOcrConstants.INFERENCE_ID, INFERENCE);
            e.getMessage().setBody(scan);
        });
        assertSearchable(out.getMessage().getBody(byte[].class));
    }

    @Test
    void getResultWithoutTheOriginalSaysWhatItNeedsBeforeAnyCall() {
        Exchange out = template.request("direct:getResult",
                e -> e.getMessage().setHeader(MindeeOcrConstants.INFERENCE_ID, INFERENCE));

        MindeeOcrException e = assertInstanceOf(MindeeOcrException.class, out.getException());
        assertTrue(e.getMessage().contains("needs the original document as the body"), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void altoWithoutAnOriginalTakesPagesAsA4At300Dpi() {
        String alto = template.requestBodyAndHeader("direct:getResultAlto", null, MindeeOcrConstants.INFERENCE_ID,
                INFERENCE, String.class);
        assertTrue(alto.contains("WIDTH=\"2480\" HEIGHT=\"3508\""), alto.substring(0, 800));
    }

    private void assertSearchable(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(1240 * 72 / 300.0, document.getPage(0).getMediaBox().getWidth(), 0.01);
            String text = new PDFTextStripper().getText(document);
            for (OcrWord word : page.ocr().words()) {
                assertTrue(text.contains(word.content()), word.content() + " in " + text);
            }
        }
    }
}
