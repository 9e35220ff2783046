package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Word precision, recall and F1 of the engine on the quality set (see {@link QualitySet}), per kind of document, next
 * to the plain {@code tesseract} program of the system (its defaults, the manifest's languages) on the same files.
 * From the repository root:
 * {@code mvn -q -pl camel-mindee-ocr-local -am process-test-classes -Ptool -Dtool=QualitySetReport -Dquality.dir=DIR};
 * {@code -Dtool.args=engine} runs the engine alone, {@code -Dtool.args=verbose} also prints each document. Words are compared as bags: a word of the
 * output matches one equal word of the transcription (case and punctuation count), each at most once.
 */
public final class QualitySetReport {

    private QualitySetReport() {
    }

    /** Words of the transcriptions, of the output, in common; and the seconds spent. */
    private static final class Tally {
        long reference;
        long output;
        long common;
        double seconds;
        int documents;

        void add(List<String> truth, List<String> words, double s) {
            reference += truth.size();
            output += words.size();
            common += QualitySet.common(truth, words);
            seconds += s;
            documents++;
        }

        String row(String kind, String contender) {
            double p = output == 0 ? 0 : (double) common / output;
            double r = reference == 0 ? 0 : (double) common / reference;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format("| %s | %s | %d | %.3f | %.3f | %.3f | %.2f |", kind, contender, documents, p, r, f,
                    seconds / documents);
        }
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
                byte[] bytes = Files.readAllBytes(doc.image());
                long t0 = System.nanoTime();
                List<String> words = new ArrayList<>();
                for (OcrPage page : recognizer.recognize(bytes, DocumentType.sniff(bytes))) {
                    for (OcrWord word : page.words()) {
                        words.addAll(QualitySet.tokens(word.content()));
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                engine.computeIfAbsent(kind, k -> new Tally()).add(doc.words(), words, s);
                String line = String.format("%s engine %d/%d/%d", set.dir().relativize(doc.image()), words.size(),
                        doc.words().size(), QualitySet.common(doc.words(), words));
                if (withProgram) {
                    t0 = System.nanoTime();
                    List<String> plain = plainTesseract(doc.image(), doc.languages());
                    program.computeIfAbsent(kind, k -> new Tally()).add(doc.words(), plain,
                            (System.nanoTime() - t0) / 1e9);
                    line += String.format(" tesseract %d/%d/%d", plain.size(), doc.words().size(),
                            QualitySet.common(doc.words(), plain));
                }
                if (verbose) {
                    System.out.println(line + " (output/transcription/common words)");
                }
            }
        } finally {
            recognizers.values().forEach(TesseractRecognizer::close);
        }
        System.out.println("| kind | contender | documents | precision | recall | F1 | s/page |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        Tally allEngine = new Tally();
        Tally allProgram = new Tally();
        for (String kind : engine.keySet()) {
            System.out.println(engine.get(kind).row(kind, "engine"));
            merge(allEngine, engine.get(kind));
            if (withProgram) {
                System.out.println(program.get(kind).row(kind, "plain tesseract"));
                merge(allProgram, program.get(kind));
            }
        }
        System.out.println(allEngine.row("all", "engine"));
        if (withProgram) {
            System.out.println(allProgram.row("all", "plain tesseract"));
        }
    }

    private static void merge(Tally into, Tally from) {
        into.reference += from.reference;
        into.output += from.output;
        into.common += from.common;
        into.seconds += from.seconds;
        into.documents += from.documents;
    }

    /** The system's {@code tesseract} program with its defaults, the text on standard output. */
    private static List<String> plainTesseract(Path image, String languages) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", languages)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tesseract failed on " + image);
        }
        return QualitySet.tokens(text);
    }
}
