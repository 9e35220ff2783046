package org.camelmindee.ocr.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mindee's own test documents and answers, read in place and never copied into the project: the directory named by
 * {@code -Dmindee.testData=DIR}, else {@code ../shared/mindee-test-data} beside the project (the project being the
 * directory that holds {@code camel-mindee-ocr-local/}, found from wherever Maven or the IDE runs).
 */
public final class SharedTestData {

    /** The system property that names the directory. */
    public static final String PROPERTY = "mindee.testData";

    private SharedTestData() {
    }

    /** Where the data is looked for, whether it is there or not. */
    public static Path location() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("camel-mindee-ocr-local/pom.xml"))) {
                return d.resolveSibling("shared").resolve("mindee-test-data").normalize();
            }
        }
        return dir.resolveSibling("shared").resolve("mindee-test-data").normalize();
    }

    /** The directory, or null when it is not there. */
    public static Path dir() {
        Path location = location();
        return Files.isDirectory(location) ? location : null;
    }

    /** Why a test that needs the data skips: for {@code assumeTrue(dir() != null, skipReason())}. */
    public static String skipReason() {
        return "skipped: Mindee's test data is not at " + location() + " (set -D" + PROPERTY + "=DIR to point at it)";
    }
}
