package org.camelmindee.ocr.examples.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option and header tables of {@code docs/component.md} are what the component's JSON renders: this test renders
 * them on every build. When they differ it rewrites the file and fails: review the change and commit it.
 */
class ComponentDocsTest {

    static final Path DOC = Path.of("..", "docs", "component.md");

    @Test
    void theCommittedTablesAreWhatTheComponentJsonRenders() throws Exception {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String rendered = ComponentDocs.fromClassPath().render(committed);
        if (!rendered.equals(committed)) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertEquals(committed, rendered, "docs/component.md was stale (an option or header of the component changed);"
                                          + " it has been rewritten from mindee-ocr.json: review and commit it");
    }

    @Test
    void everyOptionAndHeaderOfTheJsonIsInTheTables() throws Exception {
        ComponentDocs docs = ComponentDocs.fromClassPath();
        String tables = String.join("\n", docs.blocks().values());
        for (String name : new String[] { "apiKey", "modelId", "baseUrl", "pollTimeout", "resultFormat", "webhookSecret",
                "maxEnqueuesPerMinute", "maxGetsPerMinute", "CamelMindeeOcrJobId", "CamelMindeeOcrAlias" }) {
            assertTrue(tables.contains("`" + name + "`"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> docs.render("<!-- BEGIN uri -->\n<!-- END uri -->\n"),
                "a document that lacks a table is refused");
    }
}
