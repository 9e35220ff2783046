package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine's packages by job, each using only those below it: {@code problem} (the API's problem documents),
 * {@code recognition} (documents to words: Tesseract, PDF text layers, images and their limits), {@code jobs} (the
 * queue, the workers, the store, webhook deliveries), {@code tls} (the certificate), {@code http} (the Vert.x front
 * end and the routes), and the server on top. Read from the sources, imports and qualified names alike, so the check
 * needs no tool (the component's {@code PackageDependenciesTest} reads its own the same way).
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/camelmindee/ocr/local");
    private static final String ROOT = "org.camelmindee.ocr.local";
    /** Lowest first: a package may use those before it, never one after it ("" is the server's own package). */
    private static final List<String> LAYERS = List.of("problem", "recognition", "jobs", "tls", "http", "");
    /** A reference to a class of the engine: its package below the root, then the class name (upper case first). */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.camelmindee\\.ocr\\.local((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        // peel off the packages that use no package still left: what cannot be peeled off is on a cycle or uses one
        Map<String, Set<String>> left = graph();
        while (left.entrySet().removeIf(uses -> uses.getValue().stream().noneMatch(left::containsKey))) {
            // another pass: removing some may free others
        }
        assertEquals(Map.of(), named(left), "packages on a cycle or using one, with the packages each uses");
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        Map<String, Set<String>> graph = graph();
        assertEquals(new TreeSet<>(LAYERS), graph.keySet(), "the packages are not the layers this test names");
        graph.forEach((from, uses) -> uses.forEach(to -> assertTrue(LAYERS.indexOf(to) < LAYERS.indexOf(from),
                () -> name(from) + " uses " + name(to) + ", which is above it; the graph: " + named(graph))));
    }

    private static String name(String layer) {
        return layer.isEmpty() ? ROOT : ROOT + "." + layer;
    }

    /** The graph with full package names, for messages. */
    private static Map<String, Set<String>> named(Map<String, Set<String>> graph) {
        Map<String, Set<String>> named = new TreeMap<>();
        graph.forEach((from, uses) -> named.put(name(from),
                uses.stream().map(PackageDependenciesTest::name).collect(Collectors.toCollection(TreeSet::new))));
        return named;
    }

    /** Each package ("" for the server's own) and the engine's packages its code names, itself left out. */
    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file.getParent()).toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Set<String> uses = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(withoutComments(file));
                while (m.find()) {
                    String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
                    if (!to.equals(from)) {
                        uses.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The code of a source file: comments and the package line do not count, a javadoc link is no dependency. */
    private static String withoutComments(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "")
                .replaceFirst("package [^;]+;", "");
    }
}
