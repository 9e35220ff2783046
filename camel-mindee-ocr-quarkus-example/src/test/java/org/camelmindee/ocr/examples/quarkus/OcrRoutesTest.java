package org.camelmindee.ocr.examples.quarkus;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example on Camel Quarkus (Camel 4.17) in JVM mode, against the local engine (real Tesseract OCR) on a free port.
 */
@QuarkusTest
@QuarkusTestResource(LocalEngineResource.class)
class OcrRoutesTest {

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate producer;

    @TestHTTPResource("/ocr")
    URI ocrUrl;

    @Test
    void runsOnCamel417WithTheComponentFoundThroughItsIndex() {
        assertTrue(camelContext.getVersion().startsWith("4.17."), camelContext.getVersion());
        MindeeOcrComponent component = camelContext.getComponent("mindee-ocr", MindeeOcrComponent.class);
        assertEquals(LocalMindeeServer.MODEL_ID, component.getConfiguration().getModelId());
        assertEquals(300, component.getConfiguration().getPollInitialDelay());
    }

    @Test
    void aDocumentThroughTheRouteBecomesItsText() throws Exception {
        String text = producer.requestBodyAndHeader("direct:ocr", png("RECEIPT 2024 TOTAL"),
                "CamelMindeeOcrFilename", "receipt.png", String.class);
        assertTrue(text.contains("RECEIPT") && text.contains("2024") && text.contains("TOTAL"), text);
    }

    @Test
    void aDocumentPostedToQuarkusHttpServerComesBackAsText() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ocrUrl + "?filename=letter.png"))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png("DEAR CAMEL RIDER")))
                        .header("Content-Type", "application/octet-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("CAMEL") && response.body().contains("RIDER"), response.body());
    }

    /** A page with one line of large black text on white. */
    static byte[] png(String line) throws Exception {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString(line, 60, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
