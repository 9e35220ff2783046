package org.camelmindee.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;

/**
 * A file route over a folder of documents and the ledger that accounts for each one: its text in {@code out/} and
 * the original in {@code done/}, or the original in {@code failed/} with the reason beside it.
 */
final class FileRouteLedger {

    final Path inbox;
    final Path out;
    final Path done;
    final Path failed;
    final Path reasons;

    FileRouteLedger(Path root) {
        this.inbox = root.resolve("inbox");
        this.out = root.resolve("out");
        this.done = root.resolve("done");
        this.failed = root.resolve("failed");
        this.reasons = root.resolve("reasons");
    }

    /** The route a user would write: file in, OCR, text out; a failed document moves aside with its reason. */
    RouteBuilder route(String mindeeUri) {
        return route(mindeeUri, true);
    }

    /** The same; without {@code moveFailed}, a failed document stays in the inbox for the next run. */
    RouteBuilder route(String mindeeUri, boolean moveFailed) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class)
                        .setBody(simple("${exception.class.simpleName}: ${exception.message}"))
                        .to("file:" + reasons + "?fileName=${file:name}.reason");
                from("file:" + inbox + "?initialDelay=0&delay=20&move=" + done + "/${file:name}"
                     + (moveFailed ? "&moveFailed=" + failed + "/${file:name}" : "")).routeId("files")
                        .to(mindeeUri)
                        .to("file:" + out + "?fileName=${file:onlyname.noext}.txt");
            }
        };
    }

    void drop(int count) {
        try {
            Files.createDirectories(inbox);
            for (int i = 1; i <= count; i++) {
                Path tmp = Files.write(inbox.getParent().resolve("doc-" + i + ".png.tmp"),
                        TestDocuments.png("Document " + i));
                Files.move(tmp, inbox.resolve("doc-" + i + ".png"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every document has left the inbox for done/ or failed/. */
    void awaitAccounted(int count, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (files(done).size() + files(failed).size() < count && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        // the reason is written before the file moves; give the last move a moment to land
        Thread.sleep(50);
    }

    List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For each failed document, the reason written beside it. */
    Map<String, String> failures() {
        Map<String, String> reasonsByFile = new TreeMap<>();
        for (String name : files(failed)) {
            try {
                reasonsByFile.put(name, Files.readString(reasons.resolve(name + ".reason")));
            } catch (IOException e) {
                reasonsByFile.put(name, "NO REASON WRITTEN");
            }
        }
        return reasonsByFile;
    }
}
