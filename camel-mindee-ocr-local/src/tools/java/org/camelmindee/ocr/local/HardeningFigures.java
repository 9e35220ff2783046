package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.http.HttpLimits;

/**
 * The figures of docs/local-engine.md's "Hardening" section, measured by hand, not in the default build:
 * <pre>
 * mvn -B -q -pl camel-mindee-ocr-local -am verify -Dtest=HardeningFigures -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhardening.figures=true [-Dhardening.slowClients=1000]
 * </pre>
 * Three parts: slow clients, hostile documents, hostile multipart forms. Each test prints its table to the standard
 * output (target/surefire-reports/...-output.txt keeps it). The fourth figure, resident memory over a thousand pages,
 * is a check of its own in the benchmark harness: {@code MemoryPlateauBenchmark}, the server in a JVM of its own.
 */
class HardeningFigures {

    private static boolean enabled() {
        return Boolean.getBoolean("hardening.figures");
    }

    /** Resident memory of this JVM, from /proc/self/status (Linux). */
    static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void slowClientsHeldWhileOthersAreServed() throws Exception {
        assumeTrue(enabled(), "run with -Dhardening.figures=true");
        int slow = Integer.getInteger("hardening.slowClients", 1000);
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .httpLimits(HttpLimits.defaults(100L * 1024 * 1024).withMaxConnections(slow + 64)).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            for (int i = 0; i < 200; i++) { // warm-up: the first requests of a JVM measure its compiler
                http.get("/v2/search/models");
            }
            double[] idle = getMillis(http, 21);
            URI base = URI.create(server.baseUrl());
            List<Socket> sockets = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int i = 0; i < slow; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                    socket.getOutputStream().write(("POST /v2/products/ocr/enqueue HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    sockets.add(socket);
                }
                // every slow client sends one more byte of its body each second: never idle, never done
                trickle.scheduleWithFixedDelay(() -> sockets.forEach(s -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write('x');
                    } catch (IOException e) {
                        // closed by the server: the request timeout
                    }
                }), 1, 1, TimeUnit.SECONDS);
                double[] during = getMillis(http, 21);
                System.out.printf("%n%d clients sending a body one byte a second: a GET took %.1f ms (median of 21,"
                        + " at most %.1f ms) against %.1f ms (at most %.1f ms) without them; the server held %d"
                        + " connections%n", slow, during[0], during[1], idle[0], idle[1], server.openConnections());
            } finally {
                trickle.shutdownNow();
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** Median and highest time of n GETs, one every 150 ms: spread over the slow clients' one-second rounds. */
    private static double[] getMillis(TestHttp http, int n) throws Exception {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertEquals(200, http.get("/v2/search/models").statusCode());
            times[i] = (System.nanoTime() - t) / 1e6;
            Thread.sleep(150);
        }
        Arrays.sort(times);
        return new double[] {times[n / 2], times[n - 1]};
    }

    @Test
    void timeToRefuseEachHostileInput() throws Exception {
        assumeTrue(enabled(), "run with -Dhardening.figures=true");
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("PNG 30000 x 30000, 1-bit", HostileDocuments.hugePng(30_000, 30_000));
        hostile.put("TIFF of 1,001 pages", HostileDocuments.blankTiff(1001, 2048, 2048));
        hostile.put("PDF of 5,000 blank pages", HostileDocuments.blankPdf(5000));
        hostile.put("PDF, MediaBox 0 x 1,000,000,000 points", HostileDocuments.pdfWithMediaBox("0", "1000000000"));
        hostile.put("PDF whose page tree holds itself", HostileDocuments.pageTreeCycle());
        try (LocalMindeeServer server = LocalMindeeServer.builder().workers(1).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            System.out.printf("%n| input | size | answer | time from enqueue to the job's end | resident MB after |%n"
                    + "| --- | --- | --- | --- | --- |%n");
            for (Map.Entry<String, byte[]> input : hostile.entrySet()) {
                long t = System.nanoTime();
                JsonNode job = http.awaitJob(TestHttp.json(http.postMultipart(TestHttp.form()
                        .file("file", "hostile", input.getValue()))).get("job").get("polling_url").asText(),
                        Duration.ofMinutes(15));
                double seconds = (System.nanoTime() - t) / 1e9;
                String answer = job.has("error") && !job.get("error").isNull()
                        ? job.get("error").get("status").asText() + " " + job.get("error").get("code").asText()
                        : job.get("status").asText();
                System.out.printf("| %s | %,d bytes | %s | %.2f s | %d |%n", input.getKey(), input.getValue().length,
                        answer, seconds, residentMegabytes());
            }
        }
    }

    @Test
    void timeToRefuseEachHostileForm() throws Exception {
        assumeTrue(enabled(), "run with -Dhardening.figures=true");
        long maxFileBytes = 100L * 1024 * 1024; // the server's default
        long partLimit = maxFileBytes / 3 * 4 + 1024; // what EnqueueRequestReader allows a part
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            fields.append("--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n\r\n");
        }
        Map<String, Supplier<InputStream>> hostile = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        byte[] manyFields = fields.append("--B--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        hostile.put("100,000 empty fields", () -> new ByteArrayInputStream(manyFields));
        sizes.put("100,000 empty fields", (long) manyFields.length);
        addPart(hostile, sizes, "a text field (alias) of 100 MB", "name=\"alias\"", 100L * 1024 * 1024);
        addPart(hostile, sizes, "a file part one byte over its limit", "name=\"file\"; filename=\"a.pdf\"",
                partLimit + 1);
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .maxFileBytes(maxFileBytes).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            // streaming a part allocates buffer after buffer and the JVM grows its heap for them: what the server
            // kept of a form is the heap used after a full collection
            System.out.printf("%n| form | size | answer | time from the first byte sent to the answer | resident MB"
                    + " after | heap used after a GC, MB |%n| --- | --- | --- | --- | --- | --- |%n");
            for (Map.Entry<String, Supplier<InputStream>> form : hostile.entrySet()) {
                long size = sizes.get(form.getKey());
                long t = System.nanoTime();
                // streamed, so that the client holds none of it: the resident memory is the server's
                HttpResponse<String> answer = http.send(http.request("/v2/products/ocr/enqueue")
                        .header("Content-Type", "multipart/form-data; boundary=B")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(form.getValue()), size))
                        .build());
                double seconds = (System.nanoTime() - t) / 1e9;
                JsonNode problem = TestHttp.json(answer);
                System.out.printf("| %s | %,d bytes | %d %s %s | %.2f s | %d | %d |%n", form.getKey(), size,
                        answer.statusCode(), problem.path("code").asText(),
                        problem.path("errors").path(0).path("pointer").asText(), seconds, residentMegabytes(),
                        heapUsedAfterGcMegabytes());
            }
        }
    }

    private static long heapUsedAfterGcMegabytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    /** A form of one part of {@code bytes} bytes of 'x' (with the API's model_id before it), streamed. */
    private static void addPart(Map<String, Supplier<InputStream>> forms, Map<String, Long> sizes, String label,
            String disposition, long bytes) {
        byte[] head = ("--B\r\nContent-Disposition: form-data; name=\"model_id\"\r\n\r\n" + LocalMindeeServer.MODEL_ID
                + "\r\n--B\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--B--\r\n".getBytes(StandardCharsets.US_ASCII);
        forms.put(label, () -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                new Filler(bytes), new ByteArrayInputStream(tail)))));
        sizes.put(label, head.length + bytes + tail.length);
    }

    /** {@code n} bytes of 'x', made as they are read. */
    private static final class Filler extends InputStream {
        private long left;

        Filler(long n) {
            this.left = n;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
