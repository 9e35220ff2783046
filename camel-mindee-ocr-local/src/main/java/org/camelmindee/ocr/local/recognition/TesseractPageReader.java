package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;
import static org.bytedeco.tesseract.global.tesseract.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.leptonica.BOX;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;

/**
 * One Tesseract instance that reads one page image at a time into words and boxes. Not thread-safe, as Tesseract
 * itself is not: the recogniser gives each worker thread its own, and frees them all when the server stops.
 */
final class TesseractPageReader implements AutoCloseable {

    private final TessBaseAPI api = new TessBaseAPI();
    private final OcrSettings settings;
    private final PagePreprocessor preprocessor;
    private final Duration timeLimit;

    /** @param timeLimit the recogniser's limit per document, named in the problem when a page runs past it */
    TesseractPageReader(String tessdataDir, OcrSettings settings, Duration timeLimit) {
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
     * Recognises one grey page; the PIX stays the caller's. Tesseract stops at the deadline (a {@link System#nanoTime()}
     * value), and the page then fails with a 500 problem, as the API fails an inference that runs too long. Regions
     * whose background is darker than their text are read a second time, inverted (see {@link InvertedRegions}); the
     * better reading of each such region is kept. A page whose reading is doubtful ({@link PageReading}) may lie
     * sideways or upside down: it is turned as Leptonica's orientation detector says and read again, and the better
     * reading kept. Asking the detector only then spares its cost (a twelfth of a clean page's time) on the pages
     * Tesseract reads well, which are upright.
     */
    OcrPage read(PIX gray, long deadlineNanos) {
        PagePreprocessor.Prepared prepared = preprocessor.prepare(gray, 0);
        PageReading reading;
        int quarters = 0;
        try {
            reading = new PageReading(words(gray, prepared, deadlineNanos), prepared.transform());
            if (settings.detectOrientation() && reading.doubtful()) {
                quarters = PagePreprocessor.quarterTurnsToUpright(prepared);
            }
        } finally {
            prepared.release(gray); // the prepared page is the input itself when no step changed it
        }
        if (quarters != 0) {
            PagePreprocessor.Prepared turned = preprocessor.prepare(gray, quarters);
            try {
                reading = reading.better(new PageReading(words(gray, turned, deadlineNanos), turned.transform()));
            } finally {
                turned.release(gray);
            }
        }
        return page(reading.words(), reading.transform());
    }

    /** The words of a prepared page, the inverted reading of its dark regions merged in. */
    List<RecognizedWord> words(PIX gray, PagePreprocessor.Prepared prepared, long deadlineNanos) {
        int dpi = pixGetXRes(gray);
        int sourceDpi = dpi >= 70 && dpi <= 2400 ? (int) Math.round(dpi * prepared.transform().scale()) : 0;
        List<RecognizedWord> words = recognize(prepared.pix(), sourceDpi, 0, 0, deadlineNanos);
        if (settings.invertDarkRegions()) {
            for (InvertedRegions.Box region : InvertedRegions.find(prepared.pix())) {
                words = InvertedReading.merge(words, readInverted(prepared.pix(), region, sourceDpi, deadlineNanos),
                        region);
            }
        }
        return words;
    }

    // white margin around an inverted region: Tesseract finds no text touching the edge of its image
    private static final int REGION_BORDER = 16;

    private List<RecognizedWord> readInverted(PIX page, InvertedRegions.Box region, int sourceDpi, long deadline) {
        PIX inverted = null;
        PIX bordered = null;
        try (BOX box = boxCreate(region.x(), region.y(), region.width(), region.height())) {
            PIX clip = pixClipRectangle(page, box, (BOX) null);
            if (clip == null) {
                return List.of();
            }
            inverted = pixInvert(null, clip);
            pixDestroy(clip);
            bordered = pixAddBorder(inverted, REGION_BORDER, 255);
            if (bordered == null) {
                return List.of();
            }
            return recognize(bordered, sourceDpi, region.x() - REGION_BORDER, region.y() - REGION_BORDER, deadline);
        } finally {
            pixDestroy(inverted);
            pixDestroy(bordered);
        }
    }

    /** Words of one image, their boxes moved by (dx, dy): the image may be a region of the page. */
    private List<RecognizedWord> recognize(PIX pix, int sourceDpi, int dx, int dy, long deadlineNanos) {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new ProblemException(Problems.inferenceTimeout(timeLimit.toSeconds()));
        }
        try {
            api.SetImage(pix);
            if (sourceDpi > 0) {
                api.SetSourceResolution(sourceDpi);
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
            return collect(dx, dy);
        } finally {
            api.Clear();
        }
    }

    /** The words Tesseract found, in its reading order, with their boxes spanning their line's height. */
    private List<RecognizedWord> collect(int dx, int dy) {
        List<RecognizedWord> words = new ArrayList<>();
        ResultIterator it = api.GetIterator();
        if (it == null) {
            return words;
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
                if (it.IsAtBeginningOf(RIL_PARA)) {
                    paragraphPending = true;
                }
                if (it.IsAtBeginningOf(RIL_TEXTLINE) && it.BoundingBox(RIL_TEXTLINE, left, top, right, bottom)) {
                    lineBox[1] = top[0];
                    lineBox[3] = bottom[0];
                }
                String text = text(it);
                float confidence = it.Confidence(RIL_WORD);
                if (text.isEmpty() || confidence < settings.minWordConfidence()
                        || !it.BoundingBox(RIL_WORD, left, top, right, bottom)) {
                    continue;
                }
                // Mindee's words span the height of their line (a short word like "are" is not cut to its x-height)
                words.add(new RecognizedWord(text, confidence, paragraphPending, left[0] + dx,
                        Math.min(top[0], lineBox[1]) + dy, right[0] + dx, Math.max(bottom[0], lineBox[3]) + dy));
                paragraphPending = false;
            } while (it.Next(RIL_WORD));
        } finally {
            TessResultIteratorDelete(it);
        }
        return words;
    }

    /** The page text (lines of a paragraph joined by spaces, paragraphs by newlines) and the words' polygons. */
    private static OcrPage page(List<RecognizedWord> words, PageTransform transform) {
        List<OcrWord> out = new ArrayList<>(words.size());
        StringBuilder content = new StringBuilder();
        for (RecognizedWord w : words) {
            if (content.length() > 0) {
                content.append(w.startsParagraph() ? '\n' : ' ');
            }
            content.append(w.text());
            out.add(new OcrWord(w.text(), transform.polygon(w.left(), w.top(), w.right(), w.bottom())));
        }
        return new OcrPage(content.toString(), out);
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
