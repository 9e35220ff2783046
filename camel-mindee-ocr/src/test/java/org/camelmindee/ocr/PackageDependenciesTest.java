package org.camelmindee.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Dependencies between the component's packages point one way: no package reaches, through any chain of references,
 * back to itself. Read from the sources (imports and fully qualified names alike), so the check needs no tool.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "org.camelmindee.ocr";
    /** A reference to a class of the project: its package, then the class name (upper case first). */
    private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.camelmindee\\.ocr(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> graph = graph();
        assertFalse(graph.isEmpty(), "no sources under " + SOURCES.toAbsolutePath());
        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            for (String to : graph.get(from)) {
                if (reaches(graph, to, from, new TreeSet<>())) {
                    cycles.add(from + " -> " + to + " -> ... -> " + from);
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles; the graph: " + graph);
    }

    @Test
    void lowerLayersNeverImportTheComponentPackage() {
        Map<String, Set<String>> graph = graph();
        graph.forEach((from, to) -> {
            if (!from.equals(ROOT)) {
                assertFalse(to.contains(ROOT), from + " imports " + ROOT + ": " + to);
            }
        });
    }

    /** The JSON model is the bottom layer, shared with the local engine and the benchmarks: it uses no other package. */
    @Test
    void theModelUsesNoOtherPackage() {
        assertEquals(Set.of(), graph().getOrDefault(ROOT + ".model", Set.of()));
    }

    /** Each package of the component and the project packages its sources name, itself left out. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = ROOT + SOURCES.relativize(file.getParent()).toString()
                        .replace(file.getFileSystem().getSeparator(), ".").replaceFirst("^org\\.camelmindee\\.ocr", "");
                Set<String> targets = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The source without its package line and comments, so that javadoc links do not count. */
    private static String code(Path file) {
        try {
            return Files.readString(file)
                    .replaceAll("(?s)/\\*.*?\\*/", "")
                    .replaceAll("(?m)^\\s*//.*$", "")
                    .replaceFirst("package [^;]+;", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
