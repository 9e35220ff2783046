package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.javacpp.Loader;

import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.local.SharedTestData;
import org.camelmindee.ocr.local.TestHttp;
import org.camelmindee.ocr.local.TestPages;
import org.camelmindee.ocr.model.DocumentType;

/**
 * Pages per second of one worker, against the bare {@code tesseract} program shipped in the bytedeco jar, on the
 * same pages in the same run. Usage (from the repository root): {@code mvn -q -pl camel-mindee-ocr-local -am
 * process-test-classes -Ptool -Dtool=EngineThroughput -Dtool.args="3 2"} (the arguments: rounds,
 * and workers: that many program processes at once against a server of that many workers, 1 by default).
 */
public final class EngineThroughput {

    private EngineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dir = Files.createTempDirectory("mindee-local-bench");
        Map<String, byte[]> pages = pages();
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
            files.add(Files.write(dir.resolve(page.getKey()), page.getValue()));
        }
        int total = rounds * files.size();
        System.out.printf("%d pages x %d rounds, %d worker(s), %d cores%n", files.size(), rounds, workers,
                Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers);

        // the bare engine: the tesseract program of the bytedeco jar, one process per page, words with boxes (tsv)
        String program = Loader.load(org.bytedeco.tesseract.program.tesseract.class);
        Path tessdata = Tessdata.resolve(null, "eng");
        OcrSettings bare = OcrSettings.defaults().withThresholding(0).withDeskew(false).withDespeckleAbove(0)
                .withUpscaleBelowPixels(0).withDetectOrientation(false);
        // the machine is shared: each round runs every contender once, so that load changes hit them alike
        double binary = 0;
        double binaryOneThread = 0;
        double inBare = 0;
        double inDefault = 0;
        double inDefaultCpu = 0;
        double server = 0;
        try (TesseractRecognizer bareEngine = new TesseractRecognizer(bare);
             TesseractRecognizer defaultEngine = new TesseractRecognizer(OcrSettings.defaults());
             LocalMindeeServer local = LocalMindeeServer.builder().workers(workers).queueCapacity(1000).start()) {
            TestHttp http = new TestHttp(local.baseUrl(), "md_bench");
            timeServer(http, files.subList(0, Math.min(workers, files.size()))); // workers make their engines first
            for (int r = 0; r < rounds; r++) {
                binary += timeBinary(program, tessdata, files, false, pool);
                binaryOneThread += timeBinary(program, tessdata, files, true, pool);
                inBare += timeInProcess(bareEngine, files)[0];
                double[] d = timeInProcess(defaultEngine, files);
                inDefault += d[0];
                inDefaultCpu += d[1];
                server += timeServer(http, files);
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("tesseract program (OpenMP default)      %6.2f pages/s%n", total / binary);
        System.out.printf("tesseract program (OMP_THREAD_LIMIT=1)  %6.2f pages/s%n", total / binaryOneThread);
        System.out.printf("in process, bare settings               %6.2f pages/s%n", total / inBare);
        System.out.printf("in process, server defaults             %6.2f pages/s (process CPU %.0f%% of one core)%n",
                total / inDefault, 100 * inDefaultCpu / inDefault);
        System.out.printf("server, %d worker(s), HTTP end to end    %6.2f pages/s%n", workers, total / server);
        System.out.printf("ratio server / tesseract program        %6.2f (OMP default), %.2f (1 thread)%n",
                binary / server, binaryOneThread / server);
    }

    /**
     * The pages measured: rendered at 300 dpi clean, turned 3 degrees, and noisy (3% specks, JPEG), and the scan of
     * the bill of lading when Mindee's test data is beside the checkout.
     */
    static Map<String, byte[]> pages() throws IOException {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        pages.put("clean.png", TestPages.png(TestPages.draw(0).image()));
        pages.put("turned.png", TestPages.png(TestPages.draw(3).image()));
        pages.put("noisy.jpg", TestPages.jpeg(TestPages.noisy(TestPages.draw(-1.5).image(), 0.03, 42), 0.6f));
        Path shared = SharedTestData.dir();
        if (shared != null) {
            pages.put("bill_of_lading.jpg", Files.readAllBytes(shared.resolve("v2/products/ocr/bill_of_lading.jpg")));
        }
        return pages;
    }

    /** The program on every page, as many processes at once as the pool has threads. */
    private static double timeBinary(String program, Path tessdata, List<Path> files, boolean oneThread,
                                     ExecutorService pool) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(pool.submit(() -> {
                ProcessBuilder pb = new ProcessBuilder(program, file.toString(), "stdout", "--tessdata-dir",
                        tessdata.toString(), "-l", "eng", "--psm", "3", "tsv").redirectErrorStream(true);
                if (oneThread) {
                    pb.environment().put("OMP_THREAD_LIMIT", "1");
                }
                Process p = pb.start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("tesseract failed on " + file);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Wall seconds and process CPU seconds. */
    private static double[] timeInProcess(TesseractRecognizer recognizer, List<Path> files) throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        for (Path f : files) {
            bytes.add(Files.readAllBytes(f));
        }
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (byte[] b : bytes) {
            recognizer.recognize(b, DocumentType.sniff(b));
        }
        return new double[] { (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9 };
    }

    private static double timeServer(TestHttp http, List<Path> files) throws Exception {
        long start = System.nanoTime();
        List<String> polling = new ArrayList<>();
        for (Path file : files) {
            JsonNode job = TestHttp.json(http.postMultipart(TestHttp.form()
                    .file("file", file.getFileName().toString(), Files.readAllBytes(file)))).get("job");
            polling.add(job.get("polling_url").asText());
        }
        for (String url : polling) {
            http.awaitJob(url, Duration.ofMinutes(5));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
