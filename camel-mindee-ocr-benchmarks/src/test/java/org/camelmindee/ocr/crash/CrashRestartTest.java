package org.camelmindee.ocr.crash;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.local.recognition.SimulatedRecognizer;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real processes, really killed: a file route over 50 documents runs in a child JVM ({@link CrashRouteMain}) against
 * the local engine in this JVM, and is killed with SIGKILL ({@link Process#destroyForcibly()}) at three random
 * moments, each after the server has taken a random number of documents, and started again. In the end every
 * document's text is in the outbox once, and the server made one job per document, except where a process died
 * between starting a document's upload and recording its job. The journal marks the upload's start before the first
 * byte goes out, so the test reads from the journal file, after each kill, exactly which documents were mid-upload;
 * the restarted process reports each of them once (and no other), the file route's redelivery sends it again, and
 * every second job the server made is one of them.
 *
 * <p>The engine's recogniser is a stub (the text is the document's own name, after a processing time of 0.2 to 0.6 s),
 * so that the test is about processes and not OCR, and runs in about a minute.
 */
class CrashRestartTest {

    private static final int DOCUMENTS = 50;
    private static final String API_KEY = "md_crash_test_key";
    private static final java.util.regex.Pattern REPORT =
            java.util.regex.Pattern.compile("Document (\\S+) may already have a job at Mindee");

    @TempDir
    Path work;

    @Test
    void killedThreeTimesEveryDocumentComesOutOnceAndIsAPaidJobOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path outbox = Files.createDirectories(work.resolve("outbox"));
        Path journal = work.resolve("journal.jsonl");
        Map<String, String> expected = new ConcurrentHashMap<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String name = "doc-" + i;
            byte[] png = Documents.png(name);
            Files.write(inbox.resolve(name + ".png"), png);
            expected.put(sha256(png), name);
        }

        Map<String, AtomicInteger> jobsPerDocument = new ConcurrentHashMap<>();
        AtomicInteger enqueues = new AtomicInteger();
        StubRecognizer recognizer = new StubRecognizer(expected, jobsPerDocument, random.nextLong());
        try (LocalMindeeServer server = LocalMindeeServer.builder().port(0).apiKey(API_KEY).recognizer(recognizer)
                .retention(Duration.ofHours(1)).filter(new CountEnqueues(enqueues)).start()) {
            List<Path> logs = new ArrayList<>();
            // what each process left mid-upload, read from the journal after each kill: (document, owner) pairs
            java.util.Set<String> midUpload = new java.util.TreeSet<>();
            // three kills, each once the server has taken a random number of further documents
            int[] killAt = random.ints(3, 3, DOCUMENTS - 3).sorted().toArray();
            for (int run = 0; run < 4; run++) {
                Path log = work.resolve("child-" + run + ".log");
                logs.add(log);
                Process child = start(inbox, outbox, journal, server.baseUrl(), log);
                try {
                    if (run < 3) {
                        awaitEnqueues(enqueues, killAt[run], child, log);
                        // somewhere in the next upload or the waits that follow it
                        Thread.sleep(random.nextInt(500));
                        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                        midUpload.addAll(uploadsInFlight(journal, expected));
                    } else {
                        awaitOutbox(outbox, child, log);
                    }
                } finally {
                    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }

            Map<String, Integer> reported = new java.util.TreeMap<>();
            for (Path log : logs) {
                for (String line : Files.readAllLines(log)) {
                    java.util.regex.Matcher report = REPORT.matcher(line);
                    if (report.find()) {
                        reported.merge(name(report.group(1), expected), 1, Integer::sum);
                    }
                }
            }
            Map<String, Integer> uncertain = new java.util.TreeMap<>();
            midUpload.forEach(pair -> uncertain.merge(pair.substring(0, pair.indexOf(' ')), 1, Integer::sum));
            int duplicates = jobsPerDocument.values().stream().mapToInt(n -> n.get() - 1).sum();
            String report = "seed " + seed + ", kills after " + java.util.Arrays.toString(killAt) + " enqueues: "
                            + enqueues.get() + " enqueues, " + duplicates + " duplicate jobs, mid-upload at the kills "
                            + uncertain + ", reported " + reported;
            System.out.println("crash test: " + report);

            try (Stream<Path> texts = Files.list(outbox)) {
                List<Path> written = texts.filter(p -> p.toString().endsWith(".txt")).toList();
                assertEquals(DOCUMENTS, written.size(), report);
                for (Path text : written) {
                    String name = text.getFileName().toString().replace(".txt", "");
                    assertEquals("Text of " + name, Files.readString(text).strip(), report);
                }
            }
            assertEquals(DOCUMENTS, jobsPerDocument.size(), "every document became a job: " + report);
            // exact: each document a process left mid-upload is reported once, and no other document is
            assertEquals(uncertain, reported, "reports: " + report);
            // a second job can only come from an upload a kill cut off: Mindee made the job, its answer was lost
            jobsPerDocument.forEach((name, jobs) -> assertTrue(jobs.get() - 1 <= uncertain.getOrDefault(name, 0),
                    name + " has " + jobs.get() + " jobs: " + report));
            assertEquals(DOCUMENTS + duplicates, enqueues.get(), "no enqueue but the first and the reported: " + report);
        }
    }

    /**
     * The documents whose upload had begun without Mindee's answer recorded, as the killed process left its journal:
     * "name owner" for each, the owner telling two processes' uploads of one document apart.
     */
    private static java.util.Set<String> uploadsInFlight(Path journal, Map<String, String> names) throws IOException {
        Map<String, com.fasterxml.jackson.databind.JsonNode> last = new java.util.HashMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(journal)) {
            com.fasterxml.jackson.databind.JsonNode change;
            try {
                change = json.readTree(line);
            } catch (IOException torn) {
                continue;   // a line the kill cut short
            }
            if (change.hasNonNull("put")) {
                last.put(change.get("put").get("key").asText(), change.get("put"));
            } else if (change.hasNonNull("remove")) {
                last.remove(change.get("remove").asText());
            }
        }
        java.util.Set<String> inFlight = new java.util.TreeSet<>();
        last.forEach((key, entry) -> {
            if ("UPLOADING".equals(entry.get("state").asText())) {
                inFlight.add(name(key, names) + " " + entry.get("owner").asText());
            }
        });
        return inFlight;
    }

    /** The document's name from its journal key (model/sha256:digest). */
    private static String name(String key, Map<String, String> names) {
        return names.getOrDefault(key.substring(key.indexOf("sha256:") + 7), key);
    }

    private Process start(Path inbox, Path outbox, Path journal, String baseUrl, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashRouteMain.class.getName(), inbox.toString(),
                outbox.toString(), journal.toString(), baseUrl, API_KEY, LocalMindeeServer.MODEL_ID)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitEnqueues(AtomicInteger enqueues, int count, Process child, Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (enqueues.get() < count) {
            check(child, log, until);
            Thread.sleep(5);
        }
    }

    private static void awaitOutbox(Path outbox, Process child, Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try (Stream<Path> texts = Files.list(outbox)) {
                if (texts.filter(p -> p.toString().endsWith(".txt")).count() >= DOCUMENTS) {
                    return;
                }
            }
            check(child, log, until);
            Thread.sleep(50);
        }
    }

    private static void check(Process child, Path log, long until) throws IOException {
        if (!child.isAlive() || System.nanoTime() > until) {
            throw new AssertionError("the child " + (child.isAlive() ? "took too long" : "died") + "; its output:\n"
                                     + Files.readString(log));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of each document is its name; each job takes 0.2 to 0.6 s without holding a thread. */
    private static final class StubRecognizer implements SimulatedRecognizer {

        private final Map<String, String> names;
        private final Map<String, AtomicInteger> jobs;
        private final Random random;

        StubRecognizer(Map<String, String> names, Map<String, AtomicInteger> jobs, long seed) {
            this.names = names;
            this.jobs = jobs;
            this.random = new Random(seed);
        }

        @Override
        public Duration processingTime(SimulatedJob job) {
            synchronized (random) {
                return Duration.ofMillis(200 + random.nextInt(400));
            }
        }

        @Override
        public List<OcrPage> recognize(byte[] document, DocumentType type) {
            String name = names.getOrDefault(sha256(document), "unknown");
            jobs.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            return List.of(new OcrPage("Text of " + name, List.of()));
        }
    }

    /** Counts the enqueues the server accepted (answered 202, whether or not the answer reached the client). */
    private static final class CountEnqueues extends Filter {

        private final AtomicInteger enqueues;

        CountEnqueues(AtomicInteger enqueues) {
            this.enqueues = enqueues;
        }

        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            chain.doFilter(exchange);
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getResponseCode() == 202) {
                enqueues.incrementAndGet();
            }
        }

        @Override
        public String description() {
            return "counts enqueues";
        }
    }

    /** Small distinct PNGs: each carries its name in the pixels, so each has its own SHA-256. */
    static final class Documents {

        static byte[] png(String name) throws IOException {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 40,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 160, 40);
            g.setColor(java.awt.Color.BLACK);
            g.drawString(name, 10, 25);
            g.dispose();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
