package org.camelmindee.ocr.local.http;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.problem.ProblemException;

class MultipartParserTest {

    private static List<MultipartParser.Part> parse(byte[] body, String boundary, long limit, int chunk)
            throws IOException {
        return new MultipartParser(trickle(new ByteArrayInputStream(body), chunk), boundary, limit).parse();
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
            List<MultipartParser.Part> parts = parse(all, boundary, 1 << 20, chunk);
            assertEquals(2, parts.size());
            assertEquals("model_id", parts.get(0).name());
            assertEquals("abc", parts.get(0).text());
            assertEquals("a \"b\".pdf", parts.get(1).filename());
            assertArrayEquals(file, parts.get(1).body(), "chunk " + chunk);
        }
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
    void boundaryAndDispositionParameters() {
        assertEquals("abc", MultipartParser.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartParser.boundary("multipart/form-data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartParser.boundary("multipart/form-data"));
        assertEquals("file", MultipartParser.dispositionParams("form-data; name=file; filename=\"C:\\x\\y.pdf\"")
                .get("name"));
        assertEquals("C:\\x\\y.pdf", MultipartParser.dispositionParams("form-data; name=file; filename=\"C:\\x\\y.pdf\"")
                .get("filename"));
    }

    @Test
    void extendedFileNamesAreDecoded() throws Exception {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.pdf\"; "
                + "filename*=UTF-8''na%C3%AFve+r%C3%A9sum%C3%A9.pdf\r\n\r\n%PDF\r\n--b--").getBytes(StandardCharsets.US_ASCII);
        assertEquals("naïve+résumé.pdf", parse(body, "b", 100, 4096).get(0).filename());
    }
}
