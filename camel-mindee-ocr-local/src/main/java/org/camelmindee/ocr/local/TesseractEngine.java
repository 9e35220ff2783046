package org.camelmindee.ocr.local;

import static org.bytedeco.leptonica.global.leptonica.pixGetXRes;
import static org.bytedeco.tesseract.global.tesseract.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/**
 * One Tesseract instance. Not thread-safe, as Tesseract itself is not: the recogniser gives each worker thread its
 * own, and frees them all when the server stops.
 */
final class TesseractEngine implements AutoCloseable {

    private final TessBaseAPI api = new TessBaseAPI();
    private final OcrSettings settings;
    private final PagePreprocessor preprocessor;
    private final Duration timeLimit;

    /** @param timeLimit the recogniser's limit per document, named in the problem when a page runs past it */
    TesseractEngine(String tessdataDir, OcrSettings settings, Duration timeLimit) {
        this.settings = settings;
        this.timeLimit = timeLimit;
        this.preprocessor = new PagePreprocessor(settings);
        if (api.Init(tessdataDir, settings.languages(), OEM_LSTM_ONLY) != 0) {
            api.End();
            throw new IllegalStateException("Tesseract could not load " + settings.languages() + " from " + tessdataDir);
        }
        api.SetPageSegMode(settings.pageSegMode());
        api.SetVariable("thresholding_method", Integer.toString(settings.thresholding()));
        // the estimates Tesseract prints for every page would flood the server's output
        api.SetVariable("debug_file", "/dev/null");
    }

    /**
     * Recognises one upright grey page; the PIX stays the caller's. Tesseract stops at the deadline (a
     * {@link System#nanoTime()} value), and the page then fails with a 500 problem, as the API fails an inference
     * that runs too long.
     */
    OcrPage read(PIX gray, long deadlineNanos) {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new ProblemException(Problems.inferenceTimeout(timeLimit.toSeconds()));
        }
        PagePreprocessor.Prepared prepared = preprocessor.prepare(gray);
        try {
            api.SetImage(prepared.pix());
            int dpi = pixGetXRes(gray);
            if (dpi >= 70 && dpi <= 2400) {
                api.SetSourceResolution((int) Math.round(dpi * prepared.transform().scale()));
            }
            try (ETEXT_DESC monitor = new ETEXT_DESC()) {
                monitor.set_deadline_msecs((int) Math.min(Integer.MAX_VALUE, remainingMillis));
                int status = api.Recognize(monitor);
                if (monitor.deadline_exceeded()) {
                    throw new ProblemException(Problems.inferenceTimeout(timeLimit.toSeconds()));
                }
                if (status != 0) {
                    throw new ProblemException(Problems.internalError("Tesseract failed to recognise a page."));
                }
            }
            return collect(prepared.transform());
        } finally {
            api.Clear();
            org.bytedeco.leptonica.global.leptonica.pixDestroy(prepared.pix());
        }
    }

    /** Words with their polygons, and the page text: lines of a paragraph joined by spaces, paragraphs by newlines. */
    private OcrPage collect(PageTransform transform) {
        List<OcrWord> words = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        ResultIterator it = api.GetIterator();
        if (it == null) {
            return new OcrPage("", List.of());
        }
        int[] left = new int[1];
        int[] top = new int[1];
        int[] right = new int[1];
        int[] bottom = new int[1];
        int[] lineBox = new int[4];
        try {
            it.Begin();
            boolean paragraphPending = false;
            do {
                if (it.Empty(RIL_WORD)) {
                    continue;
                }
                if (it.IsAtBeginningOf(RIL_PARA) && content.length() > 0) {
                    paragraphPending = true;
                }
                if (it.IsAtBeginningOf(RIL_TEXTLINE) && it.BoundingBox(RIL_TEXTLINE, left, top, right, bottom)) {
                    lineBox[1] = top[0];
                    lineBox[3] = bottom[0];
                }
                String text = text(it);
                if (text.isEmpty() || it.Confidence(RIL_WORD) < settings.minWordConfidence()
                        || !it.BoundingBox(RIL_WORD, left, top, right, bottom)) {
                    continue;
                }
                if (content.length() > 0) {
                    content.append(paragraphPending ? '\n' : ' ');
                }
                paragraphPending = false;
                content.append(text);
                // Mindee's words span the height of their line (a short word like "are" is not cut to its x-height)
                int wordTop = Math.min(top[0], lineBox[1]);
                int wordBottom = Math.max(bottom[0], lineBox[3]);
                words.add(new OcrWord(text, transform.polygon(left[0], wordTop, right[0], wordBottom)));
            } while (it.Next(RIL_WORD));
        } finally {
            TessResultIteratorDelete(it);
        }
        return new OcrPage(content.toString(), words);
    }

    private static String text(ResultIterator it) {
        BytePointer pointer = it.GetUTF8Text(RIL_WORD);
        if (pointer == null) {
            return "";
        }
        try {
            return plainQuotes(pointer.getString(StandardCharsets.UTF_8).strip());
        } finally {
            TessDeleteText(pointer); // Tesseract allocated it with new[]
        }
    }

    // Tesseract's model prints typographic quotes where a scan has straight ones; Mindee answers the straight ones
    static String plainQuotes(String text) {
        return text.replace('\u201c', '"').replace('\u201d', '"').replace('\u201e', '"')
                .replace('\u2018', '\'').replace('\u2019', '\'');
    }

    @Override
    public void close() {
        api.End();
        api.close();
    }
}
