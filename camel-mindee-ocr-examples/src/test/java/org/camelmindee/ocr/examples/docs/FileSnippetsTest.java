package org.camelmindee.ocr.examples.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route in the README and docs/ that reads files (file, FTP, SFTP) moves a document that failed out of the way:
 * without {@code moveFailed} Camel's file consumers leave it in place and take it again at the next poll, and each try
 * is a new Mindee job.
 */
class FileSnippetsTest {

    private static final Pattern FILE_CONSUMER = Pattern.compile("from\\(\"(?:file|ftp|ftps|sftp):[^\"]*\"(?:\\s*\\+\\s*\"[^\"]*\")*");

    @Test
    void everyFileConsumerInTheDocsHasMoveFailed() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("..", "README.md")));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = FILE_CONSUMER.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(m.group());
                if (!m.group().contains("moveFailed=")) {
                    missing.add(page.getFileName() + ": " + m.group());
                }
            }
        }
        assertTrue(found.size() >= 8, "the README and the guide's file routes are found: " + found);
        assertEquals(List.of(), missing, "file routes without moveFailed");
    }
}
