package org.camelmindee.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON fixtures under {@code src/test/resources}, written for these tests, with their placeholders filled. */
final class TestFixtures {

    private TestFixtures() {
    }

    /**
     * A fixture with {@code ${base}}, {@code ${jobId}}, {@code ${inferenceId}} and {@code "${alias}"} replaced.
     *
     * @param base     the server's base URL, for the URLs the fixture holds
     * @param resource such as {@code fixtures/job-processing.json} or {@code webhook/result.json}
     * @param alias    the alias, or null for a JSON null
     */
    static String fixture(String base, String resource, String jobId, String inferenceId, String alias) {
        try (InputStream in = TestFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${base}", base)
                    .replace("${jobId}", jobId)
                    .replace("${inferenceId}", inferenceId)
                    .replace("\"${alias}\"", alias == null ? "null" : "\"" + alias + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
