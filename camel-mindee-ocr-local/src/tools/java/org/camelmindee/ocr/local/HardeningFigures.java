package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.http.HttpLimits;

/**
 * The figures of docs/local-engine.md's "Hardening" section, measured by hand, not in the default build:
 * <pre>
 * mvn -B -q -pl camel-mindee-ocr-local -am verify -Dtest=HardeningFigures -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhardening.figures=true [-Dhardening.pages=1000] [-Dhardening.slowClients=1000]
 * </pre>
 * Each test prints its table to the standard output (target/surefire-reports/...-output.txt keeps it). The memory
 * test is also a check: it fails when resident memory after the warm-up grows by more than a tenth.
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
    void residentMemoryOverAThousandPages() throws Exception {
        assumeTrue(enabled(), "run with -Dhardening.figures=true");
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs Linux's /proc");
        int pages = Integer.getInteger("hardening.pages", 1000);
        // blank pages of a PDF, each rendered at 300 dpi and recognised (A6, so that a thousand take minutes, not an
        // hour, on two shared cores; the leak was one page image a page whatever its size), and every fifth job a
        // letter page of text as a PNG
        byte[] pdf = HostileDocuments.blankPdf(10, PDRectangle.A6);
        byte[] text = TestPages.png(TestPages.draw(0).image());
        try (LocalMindeeServer server = LocalMindeeServer.builder().workers(1).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            List<long[]> samples = new ArrayList<>(); // pages done, resident MB
            int done = 0;
            int job = 0;
            long start = System.nanoTime();
            System.out.printf("%n| pages | resident MB | heap used MB |%n| --- | --- | --- |%n");
            while (done < pages) {
                boolean blank = job++ % 5 != 4;
                JsonNode finished = http.awaitJob(TestHttp.json(http.postMultipart(TestHttp.form()
                        .file("file", blank ? "blank.pdf" : "text.png", blank ? pdf : text))).get("job")
                        .get("polling_url").asText(), Duration.ofMinutes(10));
                assertEquals("Processed", finished.get("status").asText(), finished.toString());
                done += blank ? 10 : 1;
                long rss = residentMegabytes();
                samples.add(new long[] {done, rss});
                if (samples.size() % 20 == 0 || done >= pages) {
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("| %d | %d | %d |%n", done, rss, (rt.totalMemory() - rt.freeMemory()) >> 20);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<long[]> afterWarmUp = samples.stream().filter(s -> s[0] >= pages / 10).toList();
            long atWarmUp = afterWarmUp.get(0)[1];
            long max = afterWarmUp.stream().mapToLong(s -> s[1]).max().orElseThrow();
            long end = samples.get(samples.size() - 1)[1];
            System.out.printf("%n%d pages in %.0f s; resident memory after the warm-up (%d pages) %d MB, highest after"
                    + " it %d MB, at the end %d MB (%+.1f %%)%n", done, seconds, afterWarmUp.get(0)[0], atWarmUp, max,
                    end, 100.0 * (end - atWarmUp) / atWarmUp);
            assertTrue(max <= atWarmUp * 1.10, "resident memory grew after the warm-up: " + atWarmUp + " -> " + max);
        }
    }

    @Test
    void slowClientsHeldWhileOthersAreServed() throws Exception {
        assumeTrue(enabled(), "run with -Dhardening.figures=true");
        int slow = Integer.getInteger("hardening.slowClients", 1000);
        try (LocalMindeeServer server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .httpLimits(HttpLimits.defaults(100L * 1024 * 1024).withMaxConnections(slow + 64)).start()) {
            TestHttp http = new TestHttp(server.baseUrl(), "md_any");
            double idle = medianGetMillis(http, 21);
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
                double during = medianGetMillis(http, 21);
                System.out.printf("%n%d clients sending a body one byte a second: a GET took %.1f ms (median of 21)"
                        + " against %.1f ms without them; the server held %d connections%n", slow, during, idle,
                        server.openConnections());
            } finally {
                trickle.shutdownNow();
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    private static double medianGetMillis(TestHttp http, int n) throws Exception {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            assertEquals(200, http.get("/v2/search/models").statusCode());
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[n / 2];
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
}
