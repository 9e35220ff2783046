package org.camelmindee.ocr.examples.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the reference tables of {@code docs/component.md} from the component's JSON ({@code mindee-ocr.json}, made by
 * camel-package-maven-plugin from the annotations): the URI, the component options, the endpoint's path and query
 * options, the headers. Each table sits between {@code <!-- BEGIN name -->} and {@code <!-- END name -->}; the text
 * around them is written by hand. {@code ComponentDocsTest} fails when the committed tables differ.
 */
public final class ComponentDocs {

    public static final String JSON = "/META-INF/org/camelmindee/ocr/mindee-ocr.json";
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- BEGIN ([a-z-]+)[^>]*-->\\n)(.*?)(<!-- END \\2 -->)", Pattern.DOTALL);

    private final JsonNode root;

    public ComponentDocs(JsonNode root) {
        this.root = root;
    }

    /** The JSON in the component's jar on the class path. */
    public static ComponentDocs fromClassPath() throws IOException {
        try (InputStream in = ComponentDocs.class.getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IOException(JSON + " is not on the class path: build camel-mindee-ocr first");
            }
            return new ComponentDocs(new ObjectMapper().readTree(in));
        }
    }

    /** Each generated block by name. */
    public Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("uri", uri());
        blocks.put("component-options", options(root.get("componentProperties"), p -> true));
        blocks.put("path-parameters", options(root.get("properties"), p -> "path".equals(text(p, "kind"))));
        blocks.put("endpoint-options", options(root.get("properties"), p -> "parameter".equals(text(p, "kind"))));
        blocks.put("headers", headers());
        return blocks;
    }

    /** The document with every block replaced by its rendering; a block the renderer does not know is an error. */
    public String render(String document) {
        Map<String, String> blocks = blocks();
        Matcher m = BLOCK.matcher(document);
        StringBuilder sb = new StringBuilder();
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String name = m.group(2);
            String body = blocks.get(name);
            if (body == null) {
                throw new IllegalArgumentException("No table named '" + name + "': known are " + blocks.keySet());
            }
            seen.add(name);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(sb);
        if (!seen.containsAll(blocks.keySet())) {
            List<String> missing = new ArrayList<>(blocks.keySet());
            missing.removeAll(seen);
            throw new IllegalArgumentException("The document has no block for " + missing);
        }
        return sb.toString();
    }

    private String uri() {
        JsonNode c = root.get("component");
        return "| Scheme | Syntax | Artifact | Since | Producer | Consumer | Asynchronous |\n"
               + "| --- | --- | --- | --- | --- | --- | --- |\n"
               + "| `" + text(c, "scheme") + "` | `" + text(c, "syntax") + "` | `" + text(c, "groupId") + ":"
               + text(c, "artifactId") + "` | " + text(c, "firstVersion") + " | "
               + yesNo(!c.path("consumerOnly").asBoolean()) + " | " + yesNo(!c.path("producerOnly").asBoolean()) + " | "
               + yesNo(c.path("async").asBoolean()) + " |\n";
    }

    private static String options(JsonNode properties, Predicate<JsonNode> include) {
        StringBuilder sb = new StringBuilder("| Option | Group | Default | Type | Description |\n| --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!include.test(p)) {
                continue;
            }
            String name = "`" + e.getKey() + "`" + (p.path("required").asBoolean() ? " (required)" : "");
            String group = text(p, "group") + (p.path("secret").asBoolean() ? ", secret" : "");
            String defaultValue = p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "";
            sb.append("| ").append(name).append(" | ").append(group).append(" | ").append(defaultValue).append(" | ")
                    .append(type(p)).append(" | ").append(description(p)).append(" |\n");
        }
        return sb.toString();
    }

    private String headers() {
        StringBuilder sb = new StringBuilder("| Header | Constant | Group | Type | Description |\n| --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode h = e.getValue();
            String constant = text(h, "constantName");
            constant = constant.substring(constant.lastIndexOf('.') + 1).replace('#', '.');
            sb.append("| `").append(e.getKey()).append("` | `").append(constant).append("` | ").append(text(h, "group"))
                    .append(" | ").append(type(h)).append(" | ").append(description(h)).append(" |\n");
        }
        return sb.toString();
    }

    private static String type(JsonNode p) {
        String javaType = text(p, "javaType");
        String simple = "`" + javaType.substring(javaType.lastIndexOf('.') + 1) + "`";
        String type = text(p, "type");
        if (p.has("enum")) {
            List<String> values = new ArrayList<>();
            p.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            return "enum: " + String.join(", ", values);
        }
        if (type.isEmpty() || "object".equals(type)) {
            return simple;
        }
        return type;
    }

    private static String description(JsonNode p) {
        return text(p, "description").replace("|", "\\|").replace("\n", " ").strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** Rewrites the tables of a document in place: {@code ComponentDocs [docs/component.md]}. */
    public static void main(String[] args) throws IOException {
        Path doc = Path.of(args.length > 0 ? args[0] : "../docs/component.md");
        String before = Files.readString(doc, StandardCharsets.UTF_8);
        String after = fromClassPath().render(before);
        if (!after.equals(before)) {
            Files.writeString(doc, after, StandardCharsets.UTF_8);
            System.out.println("Rewrote the tables of " + doc);
        } else {
            System.out.println(doc + " is up to date");
        }
    }
}
