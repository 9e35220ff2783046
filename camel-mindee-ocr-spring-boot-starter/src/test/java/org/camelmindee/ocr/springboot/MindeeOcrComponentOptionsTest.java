package org.camelmindee.ocr.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties class covers the component: every option in the component's generated JSON (read from the component
 * jar) is a property of {@link MindeeOcrComponentConfiguration}, with its description and default in the Spring Boot
 * metadata that IDEs read; and no property is left over from an option the component no longer has.
 */
class MindeeOcrComponentOptionsTest {

    private static final String PREFIX = "camel.component.mindee-ocr.";
    private static final String COMPONENT_JSON = "META-INF/org/camelmindee/ocr/mindee-ocr.json";
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    /** Properties of every Camel starter that are not options of the component. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Map<String, JsonNode> componentOptions;
    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void read() throws IOException {
        componentOptions = new LinkedHashMap<>();
        try (InputStream in = MindeeOcrComponentOptionsTest.class.getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            assertThat(in).as("the component's generated JSON " + COMPONENT_JSON + " on the class path").isNotNull();
            MAPPER.readTree(in).get("componentProperties").properties()
                    .forEach(e -> componentOptions.put(e.getKey(), e.getValue()));
        }
        metadata = new LinkedHashMap<>();
        Enumeration<URL> urls = MindeeOcrComponentOptionsTest.class.getClassLoader().getResources(METADATA);
        while (urls.hasMoreElements()) {
            for (JsonNode property : MAPPER.readTree(urls.nextElement()).get("properties")) {
                String name = property.get("name").asText();
                if (name.startsWith(PREFIX)) {
                    metadata.put(name.substring(PREFIX.length()), property);
                }
            }
        }
        assertThat(componentOptions).isNotEmpty();
        assertThat(metadata).as("the metadata the configuration processor writes").isNotEmpty();
    }

    @Test
    void everyComponentOptionIsAProperty() {
        BeanWrapperImpl properties = new BeanWrapperImpl(new MindeeOcrComponentConfiguration());
        List<String> missing = new ArrayList<>();
        for (String option : componentOptions.keySet()) {
            if (!properties.isWritableProperty(option) || !metadata.containsKey(kebab(option))) {
                missing.add(option + " (" + PREFIX + kebab(option) + ")");
            }
        }
        assertThat(missing).as("options of the mindee-ocr component missing from MindeeOcrComponentConfiguration").isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOption() {
        Set<String> options = new TreeSet<>();
        componentOptions.keySet().forEach(o -> options.add(kebab(o)));
        Set<String> extra = new TreeSet<>(metadata.keySet());
        extra.removeAll(options);
        extra.removeAll(STARTER_ONLY);
        assertThat(extra).as("properties that are no option of the component").isEmpty();
    }

    @Test
    void everyPropertyHasTheOptionsDescription() {
        List<String> undocumented = new ArrayList<>();
        componentOptions.forEach((option, json) -> {
            JsonNode property = metadata.get(kebab(option));
            String description = property == null || property.get("description") == null
                    ? "" : property.get("description").asText();
            String first = firstSentence(json.get("description").asText());
            if (!description.replace("\n", " ").replaceAll("\\s+", " ").contains(first)) {
                undocumented.add(option + ": expected the Javadoc to contain '" + first + "', got '" + description + "'");
            }
        });
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyDefaultIsTheComponentsDefault() {
        List<String> wrong = new ArrayList<>();
        componentOptions.forEach((option, json) -> {
            JsonNode property = metadata.get(kebab(option));
            String expected = json.has("defaultValue") ? json.get("defaultValue").asText() : null;
            String actual = property == null || property.get("defaultValue") == null
                    ? null : property.get("defaultValue").asText();
            if (expected != null && !expected.equals(actual)) {
                wrong.add(option + ": component default " + expected + ", property default " + actual);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The starter hands durations to the component as strings, for Camel's conversion to read as in a URI. */
    @Test
    void everyDurationOptionIsAString() {
        Set<String> durations = new TreeSet<>();
        componentOptions.forEach((option, json) -> {
            if ("duration".equals(json.path("type").asText())) {
                durations.add(option);
            }
        });
        assertThat(durations).isNotEmpty();
        durations.forEach(option -> assertThat(metadata.get(kebab(option)).get("type").asText()).as(option)
                .isEqualTo("java.lang.String"));
    }

    @Test
    void secretsAreStrings() {
        componentOptions.forEach((option, json) -> {
            if (json.path("secret").asBoolean()) {
                assertThat(metadata.get(kebab(option)).get("type").asText()).as(option).isEqualTo("java.lang.String");
            }
        });
    }

    /** The description up to its first period or semicolon, where the Javadoc's line breaks don't matter. */
    private static String firstSentence(String description) {
        String s = description.replaceAll("\\s+", " ");
        int end = s.length();
        for (char c : new char[] { '.', ';' }) {
            int i = s.indexOf(c);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return s.substring(0, end);
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
