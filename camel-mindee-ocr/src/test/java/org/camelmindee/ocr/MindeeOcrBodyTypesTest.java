package org.camelmindee.ocr;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.camelmindee.ocr.MindeeApiStub.ENQUEUE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of body a route hands the producer, and the route of the README: file in, text file out. */
class MindeeOcrBodyTypesTest extends MindeeOcrProducerTestSupport {


    @TempDir
    static Path dir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ocr").to(ocrUri(""));
                from("file:" + dir.resolve("in") + "?initialDelay=0&delay=50").routeId("files")
                        .to(ocrUri(""))
                        .to("file:" + dir.resolve("out") + "?fileName=${file:onlyname.noext}.txt");
            }
        };
    }

    private LoggedRequest sendAndGetEnqueue(Object body) {
        api.ocrSucceeds("61111111-1111-4111-8111-111111111111", "a6111111-1111-4111-8111-111111111111", null, 0);
        Exchange out = template.request("direct:ocr", e -> e.getMessage().setBody(body));
        assertNull(out.getException(), () -> "failed: " + out.getException());
        return wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
    }

    @Test
    void byteArray() {
        byte[] png = TestDocuments.png();
        LoggedRequest enqueue = sendAndGetEnqueue(png);
        assertArrayEquals(png, enqueue.getPart("file").getBody().asBytes());
        assertEquals("document.png", enqueue.getPart("filename").getBody().asString());
    }

    @Test
    void smallInputStream() {
        byte[] png = TestDocuments.png();
        LoggedRequest enqueue = sendAndGetEnqueue(new ByteArrayInputStream(png));
        assertArrayEquals(png, enqueue.getPart("file").getBody().asBytes());
    }

    @Test
    void largeInputStreamIsSpooledAndSentWhole() {
        byte[] pdf = TestDocuments.pdf(3 * 1024 * 1024 + 17);
        LoggedRequest enqueue = sendAndGetEnqueue(new ByteArrayInputStream(pdf));
        assertArrayEquals(pdf, enqueue.getPart("file").getBody().asBytes());
        assertEquals("application/pdf", enqueue.getPart("file").getHeader("Content-Type").firstValue());
    }

    @Test
    void fileAndPathKeepTheirName() throws Exception {
        Path file = dir.resolve("delivery-note.png");
        Files.write(file, TestDocuments.png());
        LoggedRequest enqueue = sendAndGetEnqueue(file.toFile());
        assertEquals("delivery-note.png", enqueue.getPart("filename").getBody().asString());
        assertArrayEquals(TestDocuments.png(), enqueue.getPart("file").getBody().asBytes());

        wm.resetRequests();
        // other bytes: the same ones again would follow the first job (the job journal)
        Files.write(file, TestDocuments.png("delivery note 2"));
        enqueue = sendAndGetEnqueue(file);
        assertEquals("delivery-note.png", enqueue.getPart("filename").getBody().asString());
    }

    @Test
    void httpsUrlIsSentAsUrl() {
        LoggedRequest enqueue = sendAndGetEnqueue("https://documents.example.com/scans/17.pdf");
        assertEquals("https://documents.example.com/scans/17.pdf", enqueue.getPart("url").getBody().asString());
        assertNull(enqueue.getPart("file"));
    }

    @Test
    void aTypeCamelConvertsToAStream() {
        // a StringBuilder is no document type of ours: Camel's converters turn it into a stream
        StringBuilder pdf = new StringBuilder(new String(TestDocuments.pdf(500), StandardCharsets.ISO_8859_1));
        LoggedRequest enqueue = sendAndGetEnqueue(pdf);
        assertEquals("application/pdf", enqueue.getPart("file").getHeader("Content-Type").firstValue());
    }

    @Test
    void fileRouteWritesTheTextOfEachDocument() throws Exception {
        api.ocrSucceeds("62222222-2222-4222-8222-222222222222", "a6222222-2222-4222-8222-222222222222", null, 1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("files").whenCompleted(1).create();

        Files.createDirectories(dir.resolve("in"));
        Files.write(dir.resolve("in").resolve("scan.png"), TestDocuments.png());

        assertTrue(done.matches(20, TimeUnit.SECONDS));
        File text = dir.resolve("out").resolve("scan.txt").toFile();
        assertEquals("INVOICE 2026-117\nDue: 30 days\fItem Qty Price\f", Files.readString(text.toPath()));
        LoggedRequest enqueue = wm.findAll(postRequestedFor(urlPathEqualTo(ENQUEUE))).get(0);
        assertEquals("scan.png", enqueue.getPart("filename").getBody().asString());
        assertFalse(Files.exists(dir.resolve("in").resolve("scan.png")), "the file consumer moved the input away");
    }
}
