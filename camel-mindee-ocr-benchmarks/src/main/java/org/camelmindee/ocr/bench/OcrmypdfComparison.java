package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.output.SearchablePdfWriter;

/**
 * The same scans made searchable two ways: {@code mindee-ocr:ocr} on the local engine (Tesseract in the JVM) then
 * {@link SearchablePdfWriter}, and {@code ocrmypdf} (Debian's package; not needed by the build). Prints, per document,
 * the output's size, the time per page, and the words {@code pdftotext} extracts from each, with how many of them the
 * other tool's PDF also has. By hand, from the project root:
 * <pre>
 * mvn -q -pl camel-mindee-ocr-benchmarks -am verify -DskipTests -Pcompare-ocrmypdf
 * </pre>
 * The documents are the examples' samples ({@code camel-mindee-ocr-examples/src/main/resources/samples}) and any
 * files named as arguments.
 */
public final class OcrmypdfComparison {

    private static final String API_KEY = "md_compare_key";

    private OcrmypdfComparison() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> documents = new ArrayList<>();
        Path samples = Path.of("..", "camel-mindee-ocr-examples", "src", "main", "resources", "samples");
        for (String name : List.of("scanned-letter.png", "photo-receipt.jpg", "delivery-note.pdf")) {
            documents.add(samples.resolve(name));
        }
        Arrays.stream(args).map(Path::of).forEach(documents::add);
        Path out = Files.createTempDirectory("ocrmypdf-comparison-");
        try (LocalMindeeServer server = LocalMindeeServer.builder().port(0).apiKey(API_KEY).workers(1).start();
             CamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "mindee-ocr:ocr?apiKey=RAW(" + API_KEY + ")&modelId=" + LocalMindeeServer.MODEL_ID + "&baseUrl="
                         + server.baseUrl() + "&pollInitialDelay=100&pollInterval=100&pollTimeout=300000";
            // a first document warms Tesseract and the JIT, outside the figures
            template.requestBody(uri, documents.get(0).toFile(), OcrResponse.class);
            System.out.println("| document | pages | tool | output | time a page | words extracted | also in the other |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
            for (Path document : documents) {
                String name = document.getFileName().toString();
                Path ours = out.resolve(name + ".mindee.pdf");
                long start = System.nanoTime();
                OcrResponse result = template.requestBody(uri, document.toFile(), OcrResponse.class);
                try (OutputStream pdf = Files.newOutputStream(ours)) {
                    SearchablePdfWriter.write(document, result, false, pdf);
                }
                double oursSeconds = (System.nanoTime() - start) / 1e9;
                int pages = result.pageCount();

                Path theirs = out.resolve(name + ".ocrmypdf.pdf");
                start = System.nanoTime();
                List<String> command = new ArrayList<>(List.of("ocrmypdf", "-q", "--output-type", "pdf"));
                if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                    // ocrmypdf refuses an image without a resolution; the samples are 200 dpi
                    command.addAll(List.of("--image-dpi", "200"));
                }
                command.addAll(List.of(document.toString(), theirs.toString()));
                int exit = run(command);
                double theirSeconds = (System.nanoTime() - start) / 1e9;

                Set<String> oursWords = words(ours);
                Set<String> theirWords = exit == 0 ? words(theirs) : Set.of();
                row(name, pages, "mindee-ocr + SearchablePdfWriter", ours, oursSeconds, oursWords, theirWords);
                if (exit == 0) {
                    row(name, pages, "ocrmypdf", theirs, theirSeconds, theirWords, oursWords);
                } else {
                    System.out.println("| " + name + " | " + pages + " | ocrmypdf | failed (exit " + exit + ") | | | |");
                }
            }
        } finally {
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(out);
        }
    }

    private static void row(String name, int pages, String tool, Path pdf, double seconds, Set<String> words,
            Set<String> other) throws IOException {
        long shared = words.stream().filter(other::contains).count();
        System.out.printf("| %s | %d | %s | %.0f KB | %.2f s | %d | %d |%n", name, pages, tool, Files.size(pdf) / 1024.0,
                seconds / pages, words.size(), shared);
    }

    /** The distinct words poppler's pdftotext extracts, lower-cased. */
    private static Set<String> words(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        return words;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ": " + output);
        }
        return p.exitValue();
    }
}
