package org.camelmindee.ocr.local.recognition;

import java.util.List;

import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * Turns one document into OCR pages. The server calls it on its worker threads, several at a time; an implementation
 * keeps per-thread state if its engine is not thread-safe. The benchmarks plug a simulated one here, with a chosen
 * processing-time distribution, instead of Tesseract.
 */
public interface Recognizer extends AutoCloseable {

    /**
     * Reads every page of a document.
     *
     * @param  document         the file's bytes
     * @param  type             the type detected from the bytes
     * @return                  one page per page of the document, in order; each with its text and words
     * @throws ProblemException a 422 problem when the document cannot be read (corrupt, encrypted, undecodable)
     */
    List<OcrPage> recognize(byte[] document, DocumentType type);

    /** Frees native engines; called once when the server stops, after the workers have finished. */
    @Override
    default void close() {
    }
}
