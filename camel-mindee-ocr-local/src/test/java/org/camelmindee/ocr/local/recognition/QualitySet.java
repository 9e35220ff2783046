package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The quality set: real documents from public datasets with their transcriptions, listed in
 * {@code quality-set/manifest.tsv} (kind, Tesseract languages, image, transcription, SHA-256 of the image). Their
 * licences do not let this repository carry them, so they are read from a directory given by the property
 * {@code quality.dir}; docs/local-engine.md says where to get them. {@code -Dquality.manifest=NAME} reads another
 * manifest of the same form, a file or a name in {@code quality-set/}: {@code photos-and-languages.tsv} (photos, other
 * languages, rendered invoices, from several public repositories) and {@code photos-and-languages-tuning.tsv} (other
 * documents of the same datasets, to tune settings on without touching the reported ones). Transcriptions: see {@link Transcription}.
 */
public record QualitySet(Path dir, List<Document> documents) {

    /** A document: a PDF is recognised from its pages rendered at 300 dpi, as a scan of it would be. */
    public record Document(String kind, String languages, Path image, Transcription transcription) {

        public List<String> words() {
            return transcription.words();
        }
    }

    public static QualitySet load(Path dir) throws IOException {
        List<Document> documents = new ArrayList<>();
        String other = System.getProperty("quality.manifest");
        try (InputStream in = other != null && Files.isRegularFile(Path.of(other)) ? Files.newInputStream(Path.of(other))
                : QualitySet.class.getResourceAsStream("/quality-set/" + (other != null ? other : "manifest.tsv"))) {
            if (in == null) {
                throw new IOException("no manifest " + other + ": a file, or a name in quality-set/ of the test resources");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Path image = dir.resolve(f[2]);
                if (!Files.isRegularFile(image)) {
                    throw new IOException(image + " is missing: see docs/local-engine.md for where to get the set");
                }
                String sha = sha256(Files.readAllBytes(image));
                if (!sha.equals(f[4])) {
                    throw new IOException(image + " is not the manifest's file (SHA-256 " + sha + ")");
                }
                documents.add(new Document(f[0], f[1], image, Transcription.read(dir.resolve(f[3]), image)));
            }
        }
        return new QualitySet(dir, documents);
    }

    /** Words as compared: split on white space, typographic quotes made straight (as the engine returns them). */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"')
                .replace('\u201d', '"').strip().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** Whether a word has a letter beyond ASCII: é, ü, ñ, ç ... */
    public static boolean accented(String word) {
        return word.codePoints().anyMatch(c -> c > 127 && Character.isLetter(c));
    }

    /** The word with its accents taken off: {@code février} as {@code fevrier}. */
    public static String withoutAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** How many words the two lists have in common, each word counted as often as it occurs in both. */
    public static int common(List<String> reference, List<String> candidate) {
        Map<String, Integer> left = new HashMap<>();
        reference.forEach(w -> left.merge(w, 1, Integer::sum));
        int matched = 0;
        for (String w : candidate) {
            Integer n = left.get(w);
            if (n != null && n > 0) {
                left.put(w, n - 1);
                matched++;
            }
        }
        return matched;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
