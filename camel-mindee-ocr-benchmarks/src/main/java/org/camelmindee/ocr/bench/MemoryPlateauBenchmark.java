package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.model.JobStatus;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * The local engine's memory plateau: its server in a JVM of its own, one worker, real Tesseract, the whole HTTP path;
 * jobs in a row, each awaited: four 10-page PDFs of blank A6 pages (each page rendered at 300 dpi, preprocessed and
 * recognised; A6 so that a thousand pages take minutes on two shared cores, the leak this guards against was one page
 * image a page whatever its size), then a letter page of text as a PNG, and again. After every job it reads the
 * server's resident memory; it prints a table and a summary, and exits with 1 when the resident memory after the
 * warm-up (the first third of the pages) grows by more than a tenth.
 * <pre>
 * mvn -q -pl camel-mindee-ocr-benchmarks -am verify -DskipTests -Pbench-memory [-Dbench.memory.args=--pages=3000]
 * </pre>
 * Linux only ({@code /proc}).
 */
public final class MemoryPlateauBenchmark {

    /** The server's JVM: the heap limit of the in-test measurement this replaced (surefire's), so that figures compare. */
    static final List<String> SERVER_JVM = List.of("-Xmx2g");
    static final double ALLOWED_GROWTH = 0.10;

    private MemoryPlateauBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Arguments.intValue(args, "--pages=", 1000); // the last job may pass it
        byte[] blank = Documents.blankPdf(10, PDRectangle.A6);
        byte[] letter = Documents.letterPng();
        System.out.println(Report.machine());
        List<long[]> samples = new ArrayList<>(); // pages done, resident MB
        long start = System.nanoTime();
        try (LocalEngineProcess server = new LocalEngineProcess(SERVER_JVM, List.of("--workers", "1"));
             CloseableHttpClient http = HttpClients.createDefault()) {
            System.out.printf(Locale.ROOT, "Local engine in its own JVM (pid %d, %s, 1 worker) at %s%n",
                    server.pid(), String.join(" ", SERVER_JVM), server.baseUrl());
            // the heap's columns tell the JVM's own growth (touching its committed heap) from native memory's
            System.out.printf("%n| pages | resident MB | heap: committed / resident / used MB | resident outside the"
                    + " heap MB |%n| --- | --- | --- | --- |%n");
            int done = 0;
            for (int job = 0; done < pages; job++) {
                boolean isBlank = job % 5 != 4;
                JsonNode finished = awaitJob(http, enqueue(http, server.baseUrl(), isBlank ? "blank.pdf" : "letter.png",
                        isBlank ? blank : letter));
                if (JobStatus.fromValue(finished.path("status").asText()) != JobStatus.PROCESSED) {
                    throw new IllegalStateException("job " + job + " did not succeed: " + finished);
                }
                done += isBlank ? 10 : 1;
                samples.add(new long[] {done, server.residentMegabytes()});
                if (samples.size() % 20 == 0 || done >= pages) {
                    long rss = samples.get(samples.size() - 1)[1];
                    long[] heap = server.heapMegabytes();
                    System.out.printf("| %d | %d | %d / %d / %d | %d |%n", done, rss, heap[0], heap[2], heap[1],
                            rss - heap[2]);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the JVM's own warm-up (compiled code, malloc arenas) lasts some 650 pages, hence a third: measured from a
        // tenth of the run, a healthy engine came within 0.2 points of the allowed tenth; the leak was 8 MB a page
        List<long[]> afterWarmUp = samples.stream().filter(s -> s[0] >= pages / 3).toList();
        long atWarmUp = afterWarmUp.get(0)[1];
        long max = afterWarmUp.stream().mapToLong(s -> s[1]).max().orElseThrow();
        long[] last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "%n%d pages in %.0f s; resident memory after the warm-up (%d pages) %d MB, highest"
                + " after it %d MB, at the end %d MB (%+.1f %%)%n", last[0], seconds, afterWarmUp.get(0)[0], atWarmUp,
                max, last[1], 100.0 * (last[1] - atWarmUp) / atWarmUp);
        if (max > atWarmUp * (1 + ALLOWED_GROWTH)) {
            System.out.printf(Locale.ROOT, "FAILED: resident memory grew after the warm-up by more than %.0f %%: %d -> %d"
                    + " MB%n", ALLOWED_GROWTH * 100, atWarmUp, max);
            System.exit(1);
        }
    }

    /** Enqueues one document as a Mindee client does; returns its polling URL. */
    private static String enqueue(CloseableHttpClient http, String baseUrl, String name, byte[] document)
            throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/v2/products/ocr/enqueue");
        post.setEntity(MultipartEntityBuilder.create().addTextBody("model_id", LocalMindeeServer.MODEL_ID)
                .addBinaryBody("file", document, ContentType.APPLICATION_OCTET_STREAM, name).build());
        return call(http, post).path("job").path("polling_url").asText();
    }

    /** Polls the job every 20 ms until it is no longer processing, for at most ten minutes. */
    private static JsonNode awaitJob(CloseableHttpClient http, String pollingUrl) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < end) {
            JsonNode job = call(http, new HttpGet(pollingUrl + "?redirect=false")).path("job");
            if (JobStatus.fromValue(job.path("status").asText()) != JobStatus.PROCESSING) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("job not finished within ten minutes: " + pollingUrl);
    }

    private static JsonNode call(CloseableHttpClient http, ClassicHttpRequest request) throws IOException {
        request.setHeader(HttpHeaders.AUTHORIZATION, "md_any"); // the server started without --api-key takes any
        return http.execute(request, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() >= 300) {
                throw new IOException("HTTP " + response.getCode() + " " + body);
            }
            return MindeeJson.mapper().readTree(body);
        });
    }
}
