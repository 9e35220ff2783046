package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a quality-set document says, read from the dataset's own annotation file: its words, and for datasets that
 * strip the spaces inside a box (WildReceipt) the boxes with their text, to be compared box by box instead.
 * <ul>
 * <li>{@code .json}: FUNSD ({@code form[].words[].text})</li>
 * <li>{@code .xml}: ALTO ({@code String/@CONTENT}, a line or a word each: EHRI, TAPUS, FoNDUE)</li>
 * <li>{@code .pdf}: the PDF's own text layer (born-digital invoices, recognised from their rendered pages)</li>
 * <li>{@code .txt} of JSON lines: WildReceipt ({@code file_name}, {@code annotations[].box} of 8 coordinates and
 * {@code text}); the line of the image is found by its path relative to the file</li>
 * <li>{@code .txt}, other: SROIE box lines (8 coordinates, then the line's text), else plain text (eurotext)</li>
 * </ul>
 */
public record Transcription(List<String> words, List<Region> regions) {

    /** A box of the page in pixels ({@code x0, y0, x1, y1}) and its text without spaces; empty text: not read. */
    public record Region(double[] box, String text) {
    }

    private static final Pattern SROIE_LINE = Pattern.compile("^(\\d+,){8}.*");

    /** Whether the output is compared box by box (the transcription has no spaces) instead of word by word. */
    public boolean byRegion() {
        return regions != null;
    }

    public static Transcription read(Path file, Path image) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".json")) {
            return words(funsd(file));
        }
        if (name.endsWith(".xml")) {
            return words(alto(file));
        }
        if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                return words(QualitySet.tokens(new PDFTextStripper().getText(pdf)));
            }
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("{")) {
            return wildReceipt(lines, file.getParent().relativize(image).toString().replace('\\', '/'));
        }
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            String clean = line.replace("\uFEFF", "").strip();
            words.addAll(QualitySet.tokens(SROIE_LINE.matcher(clean).matches() ? clean.split(",", 9)[8] : clean));
        }
        return words(words);
    }

    private static Transcription words(List<String> words) {
        return new Transcription(words, null);
    }

    private static List<String> funsd(Path file) throws IOException {
        List<String> words = new ArrayList<>();
        for (JsonNode entity : new ObjectMapper().readTree(file.toFile()).path("form")) {
            for (JsonNode word : entity.path("words")) {
                words.addAll(QualitySet.tokens(word.path("text").asText()));
            }
        }
        return words;
    }

    private static List<String> alto(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList strings = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "String");
            List<String> words = new ArrayList<>();
            for (int i = 0; i < strings.getLength(); i++) {
                words.addAll(QualitySet.tokens(((Element) strings.item(i)).getAttribute("CONTENT")));
            }
            return words;
        } catch (Exception e) {
            throw new IOException("not an ALTO file: " + file, e);
        }
    }

    private static Transcription wildReceipt(List<String> lines, String image) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String line : lines) {
            JsonNode doc = mapper.readTree(line);
            if (!image.equals(doc.path("file_name").asText())) {
                continue;
            }
            List<Region> regions = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (JsonNode a : doc.path("annotations")) {
                double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
                for (int i = 0; i < 8; i += 2) {
                    box[0] = Math.min(box[0], a.path("box").get(i).asDouble());
                    box[1] = Math.min(box[1], a.path("box").get(i + 1).asDouble());
                    box[2] = Math.max(box[2], a.path("box").get(i).asDouble());
                    box[3] = Math.max(box[3], a.path("box").get(i + 1).asDouble());
                }
                String text = a.path("text").asText().replaceAll("\\s+", "");
                regions.add(new Region(box, text));
                if (!text.isEmpty()) {
                    words.add(text);
                }
            }
            return new Transcription(words, regions);
        }
        throw new IOException("no line for " + image + " in the WildReceipt annotations");
    }
}
