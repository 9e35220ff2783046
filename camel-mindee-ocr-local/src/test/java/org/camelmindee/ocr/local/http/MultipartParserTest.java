package org.camelmindee.ocr.local.http;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.problem.ProblemException;

class MultipartParserTest {

    private static MultipartParser.Form parse(byte[] body, String boundary, long limit, int chunk) throws IOException {
        return MultipartParser.parse("multipart/form-data; boundary=" + boundary,
                trickle(new ByteArrayInputStream(body), chunk), limit);
    }

    /** Hands out at most {@code chunk} bytes per read, so that delimiters straddle reads. */
    private static InputStream trickle(InputStream in, int chunk) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void binaryContentThatLooksLikeTheDelimiterSurvivesWhateverTheReadSizes() throws Exception {
        String boundary = "XyZ";
        byte[] file = new byte[200_000];
        new Random(7).nextBytes(file);
        // plant near-delimiters in the data
        byte[] trap = "\r\n--Xy\r\n\r\n--X\r\r\n-".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trap, 0, file, 1000, trap.length);
        System.arraycopy(trap, 0, file, file.length - trap.length, trap.length);
        byte[] body = ("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"model_id\"\r\n\r\nabc\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\r\n--XyZ--\r\nepilogue".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[body.length + file.length + tail.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(file, 0, all, body.length, file.length);
        System.arraycopy(tail, 0, all, body.length + file.length, tail.length);
        for (int chunk : new int[] { 1, 3, 7, 4096, 1 << 20 }) {
            try (MultipartParser.Form form = parse(all, boundary, 1 << 20, chunk)) {
                List<MultipartParser.Part> parts = form.parts();
                assertEquals(2, parts.size());
                assertEquals("model_id", parts.get(0).name());
                assertNull(parts.get(0).filename());
                assertEquals("abc", parts.get(0).text());
                assertEquals("a \"b\".pdf", parts.get(1).filename());
                assertArrayEquals(file, parts.get(1).body(), "chunk " + chunk);
            }
        }
    }

    @Test
    void aLargePartWaitsInATemporaryFileUntilTheFormIsClosed() throws Exception {
        byte[] file = new byte[SpooledBody.MEMORY_BYTES * 3];
        new Random(11).nextBytes(file);
        byte[] head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b\r\nContent-Disposition: form-data; name=\"alias\"\r\n\r\nsmall\r\n--b--\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(file, 0, all, head.length, file.length);
        System.arraycopy(tail, 0, all, head.length + file.length, tail.length);
        Path spooled;
        try (MultipartParser.Form form = parse(all, "b", 1 << 20, 4096)) {
            MultipartParser.Part big = form.parts().get(0);
            MultipartParser.Part small = form.parts().get(1);
            assertFalse(big.content().isInMemory());
            assertTrue(small.content().isInMemory());
            spooled = big.content().getPath();
            assertTrue(Files.isRegularFile(spooled));
            assertEquals(file.length, big.size());
            assertArrayEquals(file, big.body());
        }
        assertFalse(Files.exists(spooled), "the temporary file is deleted with the form");
    }

    @Test
    void aPartOverTheLimitStopsTheReading() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n"
                + "0123456789".repeat(100) + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body, "b", 500, 4096));
        assertEquals(422, e.problem().status());
        assertEquals("#/file", e.problem().errors().get(0).pointer());
    }

    @Test
    void moreThanTheMaximumOfPartsIsABadRequest() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < MultipartParser.MAX_PARTS + 1; i++) {
            many.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        byte[] body = many.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        ProblemException e = assertThrows(ProblemException.class, () -> parse(body, "b", 100, 4096));
        assertEquals(400, e.problem().status());
        assertEquals("400-001", e.problem().code());
        assertTrue(e.problem().detail().contains("more than " + MultipartParser.MAX_PARTS + " parts"),
                e.problem().detail());
        byte[] allowed = new String(body, StandardCharsets.US_ASCII)
                .replaceFirst("--b\r\nContent-Disposition: form-data; name=\"f0\"\r\n\r\nx\r\n", "")
                .getBytes(StandardCharsets.US_ASCII);
        try (MultipartParser.Form form = parse(allowed, "b", 100, 4096)) {
            assertEquals(MultipartParser.MAX_PARTS, form.parts().size());
        }
    }

    @Test
    void aQuotedBoundaryAndAWindowsPathAreReadAsSent() throws Exception {
        byte[] body = ("--a b\r\nContent-Disposition: form-data; name=file; filename=\"C:\\x\\y.pdf\"\r\n\r\n"
                + "%PDF\r\n--a b--").getBytes(StandardCharsets.US_ASCII);
        try (MultipartParser.Form form = MultipartParser.parse("multipart/form-data; charset=utf-8; boundary=\"a b\"",
                new ByteArrayInputStream(body), 100)) {
            assertEquals("file", form.parts().get(0).name());
            assertEquals("C:\\x\\y.pdf", form.parts().get(0).filename());
        }
    }

    @Test
    void extendedFileNamesAreDecoded() throws Exception {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.pdf\"; "
                + "filename*=UTF-8''na%C3%AFve+r%C3%A9sum%C3%A9.pdf\r\n\r\n%PDF\r\n--b--").getBytes(StandardCharsets.US_ASCII);
        try (MultipartParser.Form form = parse(body, "b", 100, 4096)) {
            assertEquals("naïve+résumé.pdf", form.parts().get(0).filename());
        }
    }

    @Test
    void aBodyThatIsNotMultipartIsABadRequest() {
        ProblemException noBoundary = assertThrows(ProblemException.class,
                () -> MultipartParser.parse("multipart/form-data", new ByteArrayInputStream(new byte[10]), 100));
        assertEquals(400, noBoundary.problem().status());
        byte[] cut = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n%PDF-1.7"
                .getBytes(StandardCharsets.US_ASCII);
        ProblemException truncated = assertThrows(ProblemException.class, () -> parse(cut, "b", 100, 4096));
        assertEquals(400, truncated.problem().status());
    }
}
