package org.camelmindee.ocr.local.recognition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.camelmindee.ocr.local.WordAgreement;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Word precision, recall and F1 of the engine on the quality set (see {@link QualitySet}), per kind of document, next
 * to the plain {@code tesseract} program of the system (its defaults, the manifest's languages) on the same files.
 * From the repository root:
 * {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=QualitySetReport -Dquality.dir=DIR}
 * ({@code -Dquality.manifest=photos-and-languages.tsv} for the photos and languages); {@code -Dtool.args=engine} runs
 * the engine alone, {@code -Dtool.args=verbose} also prints each document. Words are compared as bags: a word of the
 * output matches one equal word of the transcription (case and punctuation count), each at most once. Transcriptions
 * without spaces (WildReceipt) are compared box by box: a box matches when the words whose centres fall in it, joined
 * without spaces, equal its text. The transcription's words with an accent (a letter beyond ASCII) are counted apart,
 * found as written and found once accents are taken off both sides: the gap between the two is what accents cost.
 */
public final class QualitySetReport {

    private QualitySetReport() {
    }

    /** A word read and its box in pixels of the page. */
    private record ReadWord(String text, double[] box) {
    }

    /** Words (or boxes) of the transcriptions, of the output, in common; accented words; and the seconds spent. */
    private static final class Tally {
        long reference;
        long output;
        long common;
        long accented;
        long accentedFound;
        long accentedFoundBare;
        double seconds;
        int documents;

        void add(Transcription truth, List<List<ReadWord>> pages, double s) {
            List<String> words = new ArrayList<>();
            pages.forEach(page -> page.forEach(w -> words.addAll(QualitySet.tokens(w.text()))));
            if (truth.byRegion()) {
                long[] r = byRegion(truth.regions(), pages.get(0));
                reference += r[0];
                output += r[1];
                common += r[2];
            } else {
                reference += truth.words().size();
                output += words.size();
                common += QualitySet.common(truth.words(), words);
            }
            List<String> accentedTruth = truth.words().stream().filter(QualitySet::accented).toList();
            accented += accentedTruth.size();
            accentedFound += QualitySet.common(accentedTruth, words);
            accentedFoundBare += QualitySet.common(accentedTruth.stream().map(QualitySet::withoutAccents).toList(),
                    words.stream().map(QualitySet::withoutAccents).toList());
            seconds += s;
            documents++;
        }

        void merge(Tally from) {
            reference += from.reference;
            output += from.output;
            common += from.common;
            accented += from.accented;
            accentedFound += from.accentedFound;
            accentedFoundBare += from.accentedFoundBare;
            seconds += from.seconds;
            documents += from.documents;
        }

        String row(String kind, String contender) {
            double p = output == 0 ? 0 : (double) common / output;
            double r = reference == 0 ? 0 : (double) common / reference;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            String accents = accented == 0 ? "- | -"
                    : String.format("%.3f (%d) | %.3f", (double) accentedFound / accented, accented,
                            (double) accentedFoundBare / accented);
            return String.format("| %s | %s | %d | %.3f | %.3f | %.3f | %s | %.2f |", kind, contender, documents, p, r,
                    f, accents, seconds / documents);
        }
    }

    /**
     * Boxes of the transcription, boxes the output reads (a box with words in it, or a word outside every box), and
     * boxes read right. Words in a box without text (not transcribed) count for nothing.
     */
    static long[] byRegion(List<Transcription.Region> regions, List<ReadWord> words) {
        List<StringBuilder> read = new ArrayList<>();
        regions.forEach(r -> read.add(new StringBuilder()));
        long outside = 0;
        for (ReadWord w : words) {
            double cx = (w.box()[0] + w.box()[2]) / 2;
            double cy = (w.box()[1] + w.box()[3]) / 2;
            int in = -1;
            for (int i = 0; i < regions.size() && in < 0; i++) {
                double[] b = regions.get(i).box();
                if (cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3]) {
                    in = i;
                }
            }
            if (in < 0) {
                outside++;
            } else {
                read.get(in).append(w.text().replaceAll("\\s+", ""));
            }
        }
        long reference = 0;
        long output = outside;
        long common = 0;
        for (int i = 0; i < regions.size(); i++) {
            String text = regions.get(i).text();
            if (text.isEmpty()) {
                continue;
            }
            reference++;
            if (read.get(i).length() > 0) {
                output++;
                if (read.get(i).toString().equals(text)) {
                    common++;
                }
            }
        }
        return new long[] { reference, output, common };
    }

    public static void main(String[] args) throws Exception {
        String dir = System.getProperty("quality.dir");
        if (dir == null) {
            throw new IllegalArgumentException("-Dquality.dir=DIR: the directory holding the quality set");
        }
        List<String> options = List.of(args);
        boolean withProgram = !options.contains("engine");
        boolean verbose = options.contains("verbose");
        OcrSettings settings = OcrSettings.defaults();
        for (String option : options) {
            String[] kv = option.split("=", 2);
            switch (kv[0]) {
                case "threshold" -> settings = settings.withThresholding(Integer.parseInt(kv[1]));
                case "upscale" -> settings = settings.withUpscaleBelowPixels(Integer.parseInt(kv[1]));
                case "invert" -> settings = settings.withInvertDarkRegions(Boolean.parseBoolean(kv[1]));
                case "normalize" -> settings = settings.withNormalizeContrast(Boolean.parseBoolean(kv[1]));
                case "despeckle" -> settings = settings.withDespeckleAbove(Double.parseDouble(kv[1]));
                case "orient" -> settings = settings.withDetectOrientation(Boolean.parseBoolean(kv[1]));
                case "engine", "verbose" -> {
                }
                default -> throw new IllegalArgumentException(option);
            }
        }
        OcrSettings chosen = settings;
        QualitySet set = QualitySet.load(Path.of(dir));
        Map<String, Tally> engine = new LinkedHashMap<>();
        Map<String, Tally> program = new LinkedHashMap<>();
        Map<String, TesseractRecognizer> recognizers = new LinkedHashMap<>();
        try {
            for (QualitySet.Document doc : set.documents()) {
                String kind = doc.kind() + " (" + doc.languages() + ")";
                TesseractRecognizer recognizer = recognizers.computeIfAbsent(doc.languages(),
                        langs -> new TesseractRecognizer(chosen.withLanguages(langs)));
                List<byte[]> images = images(doc.image());
                long t0 = System.nanoTime();
                List<List<ReadWord>> pages = new ArrayList<>();
                for (byte[] image : images) {
                    pages.addAll(engine(recognizer, image));
                }
                double s = (System.nanoTime() - t0) / 1e9;
                Tally one = new Tally();
                one.add(doc.transcription(), pages, s);
                engine.computeIfAbsent(kind, k -> new Tally()).merge(one);
                String line = String.format("%s engine %d/%d/%d", set.dir().relativize(doc.image()), one.output,
                        one.reference, one.common);
                if (withProgram) {
                    t0 = System.nanoTime();
                    List<List<ReadWord>> plain = new ArrayList<>();
                    for (byte[] image : images) {
                        plain.add(plainTesseract(doc.image(), image, isPdf(doc.image()), doc.languages()));
                    }
                    one = new Tally();
                    one.add(doc.transcription(), plain, (System.nanoTime() - t0) / 1e9);
                    program.computeIfAbsent(kind, k -> new Tally()).merge(one);
                    line += String.format(" tesseract %d/%d/%d", one.output, one.reference, one.common);
                }
                if (verbose) {
                    System.out.println(line + " (output/transcription/common words or boxes)");
                }
            }
        } finally {
            recognizers.values().forEach(TesseractRecognizer::close);
        }
        System.out.println("| kind | contender | documents | precision | recall | F1 | accented words found (of) |"
                + " found, accents aside | s/doc |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Tally allEngine = new Tally();
        Tally allProgram = new Tally();
        for (String kind : engine.keySet()) {
            System.out.println(engine.get(kind).row(kind, "engine"));
            allEngine.merge(engine.get(kind));
            if (withProgram) {
                System.out.println(program.get(kind).row(kind, "plain tesseract"));
                allProgram.merge(program.get(kind));
            }
        }
        System.out.println(allEngine.row("all", "engine"));
        if (withProgram) {
            System.out.println(allProgram.row("all", "plain tesseract"));
        }
    }

    private static boolean isPdf(Path file) {
        return file.getFileName().toString().toLowerCase().endsWith(".pdf");
    }

    /** The file itself, or a PDF's pages rendered at 300 dpi in colour as PNG: an image-only copy, as a scan. */
    private static List<byte[]> images(Path file) throws IOException {
        if (!isPdf(file)) {
            return List.of(Files.readAllBytes(file));
        }
        List<byte[]> pages = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, TesseractRecognizer.PDF_RENDER_DPI, ImageType.RGB);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                pages.add(png.toByteArray());
            }
        }
        return pages;
    }

    private static List<List<ReadWord>> engine(TesseractRecognizer recognizer, byte[] image) throws IOException {
        double[] size = size(image);
        double width = size[0];
        double height = size[1];
        List<List<ReadWord>> pages = new ArrayList<>();
        for (OcrPage page : recognizer.recognize(image, DocumentType.sniff(image))) {
            List<ReadWord> words = new ArrayList<>();
            for (OcrWord word : page.words()) {
                double[] b = WordAgreement.box(word.polygon());
                words.add(new ReadWord(word.content(), new double[] { b[0] * width, b[1] * height, b[2] * width,
                        b[3] * height }));
            }
            pages.add(words);
        }
        return pages;
    }

    /** Width and height in pixels from the image's header (1, 1 when Java cannot read it: boxes stay relative). */
    private static double[] size(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new double[] { 1, 1 };
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new double[] { reader.getWidth(0), reader.getHeight(0) };
            } finally {
                reader.dispose();
            }
        }
    }

    /** The system's {@code tesseract} program with its defaults: its words and their boxes ({@code tsv}). */
    private static List<ReadWord> plainTesseract(Path file, byte[] image, boolean rendered, String languages)
            throws IOException, InterruptedException {
        Path input = file;
        if (rendered) {
            input = Files.createTempFile("quality-page", ".png");
            Files.write(input, image);
        }
        try {
            Process p = new ProcessBuilder("tesseract", input.toString(), "stdout", "-l", languages, "tsv")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String tsv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("tesseract failed on " + file);
            }
            List<ReadWord> words = new ArrayList<>();
            for (String row : tsv.split("\n")) {
                String[] f = row.split("\t", 12);
                if (f.length == 12 && f[0].equals("5") && !f[11].isBlank()) {
                    double x = Double.parseDouble(f[6]);
                    double y = Double.parseDouble(f[7]);
                    words.add(new ReadWord(f[11].strip(), new double[] { x, y, x + Double.parseDouble(f[8]),
                            y + Double.parseDouble(f[9]) }));
                }
            }
            return words;
        } finally {
            if (rendered) {
                Files.deleteIfExists(input);
            }
        }
    }
}
