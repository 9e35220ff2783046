package org.camelmindee.ocr.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of {@code camel.component.mindee-ocr.*} properties in {@code docs/spring-boot.md} is what the starter's
 * Spring Boot metadata renders (the metadata the configuration processor writes from
 * {@link MindeeOcrComponentConfiguration}). When the committed table differs this test rewrites it and fails: review
 * the change and commit it.
 */
class SpringBootPropertiesDocsTest {

    static final Path DOC = Path.of("..", "docs", "spring-boot.md");
    private static final String METADATA = "/META-INF/spring-configuration-metadata.json";
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- BEGIN spring-boot-properties[^>]*-->\\n)(.*?)(<!-- END spring-boot-properties -->)", Pattern.DOTALL);

    @Test
    void theCommittedTableIsWhatTheStartersMetadataRenders() throws Exception {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(committed);
        assertThat(m.find()).as("docs/spring-boot.md has a spring-boot-properties block").isTrue();
        String rendered = committed.substring(0, m.start(2)) + table() + committed.substring(m.end(2));
        if (!rendered.equals(committed)) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).as("docs/spring-boot.md was stale (a property of the starter changed); it has been"
                                + " rewritten from the starter's metadata: review and commit it").isEqualTo(committed);
    }

    @Test
    void theTableHasEveryPropertyWithItsTypeAndDefault() throws Exception {
        String table = table();
        assertThat(table).contains("| `camel.component.mindee-ocr.api-key` | `String` |  |",
                "| `camel.component.mindee-ocr.poll-timeout` | `String` (duration) | `10m` |",
                "| `camel.component.mindee-ocr.base-url` | `String` | `https://api-v2.mindee.net` |",
                "| `camel.component.mindee-ocr.enabled` | `Boolean` | `true` |");
    }

    /** One row per property of the metadata, in its order (alphabetical): name, type, default, first sentence. */
    static String table() throws IOException {
        JsonNode metadata;
        try (InputStream in = SpringBootPropertiesDocsTest.class.getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA + " of the starter").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        StringBuilder sb = new StringBuilder("| Property | Type | Default | Description |\n| --- | --- | --- | --- |\n");
        for (JsonNode p : metadata.get("properties")) {
            String name = p.get("name").asText();
            String type = p.path("type").asText();
            String simpleType = "`" + type.substring(type.lastIndexOf('.') + 1).replace('$', '.') + "`";
            String description = p.path("description").asText().replace("\n", " ").replace("|", "\\|").strip();
            if (name.endsWith("-delay") || name.endsWith("-interval") || name.endsWith("-timeout")) {
                simpleType += " (duration)";
            }
            String defaultValue = p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`"
                    // enabled and customizer.enabled: Camel's starters read a missing value as true
                    : name.endsWith(".enabled") ? "`true`" : "";
            sb.append("| `").append(name).append("` | ").append(simpleType).append(" | ").append(defaultValue).append(" | ")
                    .append(firstSentence(description)).append(" |\n");
        }
        return sb.toString();
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }
}
