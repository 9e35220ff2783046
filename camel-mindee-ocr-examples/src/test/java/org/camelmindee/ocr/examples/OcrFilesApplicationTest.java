package org.camelmindee.ocr.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's main command, in this JVM: the three samples through the file route (Java, then YAML), and watching. */
class OcrFilesApplicationTest {

    @TempDir
    Path dir;

    @Test
    void ocrsTheSamplesToTextAndJsonAndPrintsALinePerDocument() throws Exception {
        String printed = runOnce(false);

        assertTrue(printed.contains("Done: 3 documents (0 failed), 5 pages"), printed);
        assertTrue(printed.contains("Route ocr-files from OcrFilesRoute (Java DSL)"), printed);
        assertTrue(printed.matches("(?s).*scanned-letter\\.png +1 page +\\d+ words +\\d+\\.\\d s.*"), printed);
        assertTrue(printed.contains("    | GREEN STREET MARKET"), printed);
        assertTextAndJson();
    }

    @Test
    void theYamlRouteDoesTheSame() throws Exception {
        String printed = runOnce(true);

        assertTrue(printed.contains("Done: 3 documents (0 failed), 5 pages"), printed);
        assertTrue(printed.contains("Route ocr-files from classpath:routes/ocr-files.camel.yaml (YAML DSL)"), printed);
        assertTextAndJson();
    }

    @Test
    void watchingPicksUpEachNewFileUntilStopped() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        OcrFilesApplication app = new OcrFilesApplication(
                new OcrFilesApplication.Options(dir.resolve("inbox"), dir.resolve("outbox"), true, false),
                LocalMindeeForTests.get(), out);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return app.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitPrinted(bytes, "Watching ");
        Files.createDirectories(dir.resolve("inbox"));
        Files.write(dir.resolve("inbox/photo-receipt.jpg"), LocalMindeeForTests.sample("photo-receipt.jpg"));
        // the report prints a document's line once its exchange is complete: text and JSON written, file moved
        awaitPrinted(bytes, "photo-receipt.jpg          1 page");
        app.stop();

        assertEquals(0, running.get(30, TimeUnit.SECONDS));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Watching "), printed);
        assertTrue(Files.readString(dir.resolve("outbox/photo-receipt.txt")).contains("GREEN STREET MARKET"), printed);
    }

    /** Waits (up to a minute) until the application has printed {@code text}. */
    private static void awaitPrinted(ByteArrayOutputStream bytes, String text) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!bytes.toString(StandardCharsets.UTF_8).contains(text)) {
            assertTrue(System.nanoTime() < until, "not printed within 60 s: '" + text + "' in\n" + bytes);
            Thread.sleep(50);
        }
    }

    private String runOnce(boolean yaml) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int failed = OcrFilesApplication.run(
                new OcrFilesApplication.Options(dir.resolve("inbox"), dir.resolve("outbox"), false, yaml),
                LocalMindeeForTests.get(), out);
        assertEquals(0, failed, bytes.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** OCR is not exact: distinctive words, each of which Tesseract reads on these samples. */
    static void assertWords(Path file, String... words) throws Exception {
        String text = Files.readString(file);
        for (String word : words) {
            assertTrue(text.contains(word), file.getFileName() + " lacks '" + word + "': " + text);
        }
    }

    private void assertTextAndJson() throws Exception {
        Path outbox = dir.resolve("outbox");
        assertWords(outbox.resolve("scanned-letter.txt"), "Harbour", "Okafor", "atlases", "estuary", "HLB-20417");
        assertWords(outbox.resolve("photo-receipt.txt"), "GREEN", "MARKET", "Coffee", "Cheddar", "14.79");
        String note = Files.readString(outbox.resolve("delivery-note.txt"));
        assertEquals(3, note.split("\f").length, "pages are separated by a form feed");
        assertWords(outbox.resolve("delivery-note.txt"), "DN-5531", "Compost", "trowels", "Returns", "orders@alder.example");

        OcrResponse json = MindeeJson.mapper().readValue(outbox.resolve("delivery-note.json").toFile(), OcrResponse.class);
        assertEquals(3, json.pageCount());
        assertEquals("delivery-note.pdf", json.inference().file().name());
        assertTrue(json.wordCount() > 50);
        assertTrue(Files.exists(dir.resolve("inbox/.done/delivery-note.pdf")), "the document moves to .done");
    }
}
