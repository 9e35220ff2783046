package org.camelmindee.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.InferenceJob;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.output.ScannedPages;
import org.junit.jupiter.api.Test;

/**
 * The webhook flow has no document of its own: with {@code originalsDirectory} the consumer finds the original that
 * was sent (named as the job's alias, else its file name) and makes the searchable PDF from it.
 */
class MindeeOcrWebhookOriginalsTest extends MindeeOcrWebhookTestSupport {

    private static final Path ORIGINALS = Path.of("target", "webhook-originals");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("mindee-ocr:webhook?webhookPath=/hooks/pdf&webhookSecret=" + SECRET
                     + "&resultFormat=searchablePdf&originalsDirectory=" + ORIGINALS)
                        .convertBodyTo(byte[].class).to("mock:pdf");
            }
        };
    }

    @Test
    void theOriginalIsFoundByAliasThenByNameAndMadeSearchable() throws Exception {
        Files.createDirectories(ORIGINALS);
        ScannedPages.Page page = ScannedPages.page(1240, 1754, 6, 31);
        ImageIO.write(page.image(), "png", ORIGINALS.resolve("batch-7-scan.png").toFile());
        MockEndpoint mock = getMockEndpoint("mock:pdf");
        mock.expectedMessageCount(1);

        OcrResponse result = ScannedPages.response("scan.png", "image/png", List.of(page.ocr()));
        OcrResponse withAlias = new OcrResponse(new OcrInference("c8444444-4444-4444-8444-444444444444",
                new InferenceJob("84444444-4444-4444-8444-444444444444"), null,
                new InferenceFile("scan.png", "batch-7-scan.png", 1, "image/png"), result.inference().result()));
        assertEquals(200, postSigned("/hooks/pdf", MindeeJson.mapper().writeValueAsString(withAlias)).statusCode());

        mock.assertIsSatisfied();
        Exchange delivered = mock.getReceivedExchanges().get(0);
        try (PDDocument document = Loader.loadPDF(delivered.getMessage().getBody(byte[].class))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(page.ocr().words().get(0).content()), text);
        }
    }

    @Test
    void withoutItsOriginalTheDeliveryFailsSoThatMindeeDeliversAgain() throws Exception {
        ScannedPages.Page page = ScannedPages.page(400, 500, 2, 32);
        OcrResponse result = ScannedPages.response("never-sent.png", "image/png", List.of(page.ocr()));
        OcrResponse missing = new OcrResponse(new OcrInference("c8555555-5555-4555-8555-555555555555",
                new InferenceJob("85555555-5555-4555-8555-555555555555"), null, result.inference().file(),
                result.inference().result()));
        assertEquals(500, postSigned("/hooks/pdf", MindeeJson.mapper().writeValueAsString(missing)).statusCode());
        // answered after the exchange ended: nothing was routed
        assertEquals(0, getMockEndpoint("mock:pdf").getReceivedCounter());
    }
}
