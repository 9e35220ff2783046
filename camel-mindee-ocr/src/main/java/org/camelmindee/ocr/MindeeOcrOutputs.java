package org.camelmindee.ocr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.converter.stream.CachedOutputStream;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.FileUtil;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.output.AltoWriter;
import org.camelmindee.ocr.output.HocrWriter;
import org.camelmindee.ocr.output.PageSize;
import org.camelmindee.ocr.output.SearchablePdfWriter;

/**
 * The bodies made from a result and its original document: the searchable PDF, hOCR and ALTO ({@code resultFormat}),
 * and where the original comes from on each side (the producer's own document, the webhook consumer's
 * {@code originalsDirectory}).
 */
final class MindeeOcrOutputs {

    private MindeeOcrOutputs() {
    }

    /**
     * The body of a format that uses the original. The searchable PDF is written to Camel's {@link CachedOutputStream}:
     * in memory while small, past the stream-caching threshold in a temporary file that Camel deletes when the exchange
     * is done; so a 300-page PDF never sits in the heap.
     *
     * @param original the original document, or null when there is none (hOCR and ALTO then measure pages as
     *                 {@link PageSize#UNKNOWN})
     */
    static Object body(MindeeOcrResultFormat format, OcrResponse response, Path original, boolean pdfA,
            Exchange exchange) {
        String name = filename(response);
        try {
            return switch (format) {
                case searchablePdf -> {
                    if (original == null) {
                        throw new MindeeOcrException("resultFormat=searchablePdf needs the original document of "
                                                     + describe(response) + ", and there is none here: for getResult"
                                                     + " send it as the body, for the webhook consumer set"
                                                     + " originalsDirectory");
                    }
                    CachedOutputStream out = new CachedOutputStream(exchange);
                    SearchablePdfWriter.write(original, response, pdfA, out);
                    yield out.newStreamCache();
                }
                case hocr -> HocrWriter.write(response, sizes(original), name);
                case alto -> AltoWriter.write(response, sizes(original), name);
                default -> throw new IllegalArgumentException(format + " is not made from the original");
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new MindeeOcrException("Could not make the " + format + " body of " + describe(response) + ": "
                                         + e.getMessage() + ". The OCR result is kept at Mindee until its retention"
                                         + " ends: fetch it with getResult", e);
        }
    }

    /**
     * Refuses, before anything is sent (the job would be paid for), a document a searchable PDF cannot be made from:
     * a URL (Mindee fetches it; there is nothing here to lay the text on), or an image type Java does not read.
     */
    static void checkOriginal(MindeeOcrResultFormat format, Document document) {
        if (format != MindeeOcrResultFormat.searchablePdf) {
            return;
        }
        if (document.isUrl()) {
            throw new MindeeOcrException("resultFormat=searchablePdf lays the text on the document itself, and the body"
                                         + " is a URL that Mindee fetches: send the document's bytes or a file instead");
        }
        DocumentType type = document.type();
        if (type == DocumentType.WEBP || type == DocumentType.HEIC || type == DocumentType.HEIF) {
            throw new MindeeOcrException("resultFormat=searchablePdf cannot place a " + type + " image on a page (Java"
                                         + " does not read it): convert it to JPEG or PNG before mindee-ocr");
        }
    }

    /** The document as a file: a file stays where it is; bytes in memory go to a temporary file gone with the exchange. */
    static Path file(Document document, Exchange exchange) throws IOException {
        if (document == null || document.isUrl()) {
            return null;
        }
        if (document.file() != null) {
            return document.file();
        }
        Path file = Files.createTempFile("camel-mindee-ocr-original-", "." + document.type().extension());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        });
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(document.bytes());
        }
        return file;
    }

    /**
     * The original of a result that the webhook consumer received: the file named as the job's alias, else as its file
     * name, in {@code directory}; null when there is neither. Names are cut to their last segment, so that a result
     * cannot point outside the directory.
     */
    static Path findOriginal(String directory, OcrResponse response) {
        if (directory == null || response.inference() == null || response.inference().file() == null) {
            return null;
        }
        InferenceFile file = response.inference().file();
        List<String> names = new ArrayList<>();
        for (String name : new String[] { file.alias(), file.name() }) {
            if (name != null && !name.isBlank()) {
                names.add(FileUtil.stripPath(name.strip()));
            }
        }
        Path dir = Path.of(directory);
        return names.stream().filter(n -> !n.isEmpty() && !n.equals("..")).map(dir::resolve)
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static List<PageSize> sizes(Path original) throws IOException {
        return original == null ? List.of() : SearchablePdfWriter.pageSizes(original);
    }

    private static String filename(OcrResponse response) {
        return response.inference() == null || response.inference().file() == null ? null
                : response.inference().file().name();
    }

    private static String describe(OcrResponse response) {
        return response.inference() == null ? "the result" : "inference " + response.inference().id();
    }
}
