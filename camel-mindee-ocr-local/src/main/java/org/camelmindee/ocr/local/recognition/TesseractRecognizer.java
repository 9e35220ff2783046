package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.pixDestroy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bytedeco.leptonica.PIX;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * The real recogniser: images through Leptonica and Tesseract, PDFs through PDFBox (the text layer where a page has
 * one, otherwise the page rendered at 300 dpi and recognised). One Tesseract instance per calling thread.
 */
public final class TesseractRecognizer implements Recognizer {

    /** PDF pages without a text layer are rendered at this resolution, as a scanner would. */
    public static final int PDF_RENDER_DPI = 300;
    // a page mostly covered by images with fewer words of text than this is a scan, whatever its text layer says
    private static final int STAMP_WORDS = 20;
    private static final double SCANNED_COVERAGE = 0.5;

    /** The API gives up on an inference after 590 s; so does this recogniser, per document. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(590);

    private final OcrSettings settings;
    private final DocumentLimits limits;
    private final Duration timeLimit;
    private final Queue<TesseractPageReader> readers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<TesseractPageReader> readerOfThread;
    private volatile boolean closed;

    public TesseractRecognizer() {
        this(OcrSettings.defaults());
    }

    public TesseractRecognizer(OcrSettings settings) {
        this(settings, DocumentLimits.defaults());
    }

    /** With other limits on what one document may make it decode. */
    public TesseractRecognizer(OcrSettings settings, DocumentLimits limits) {
        this(settings, limits, TIME_LIMIT);
    }

    /** With another time limit per document (tests). */
    TesseractRecognizer(OcrSettings settings, DocumentLimits limits, Duration timeLimit) {
        this.settings = settings;
        this.limits = limits;
        this.timeLimit = timeLimit;
        String tessdataDir = Tessdata.resolve(settings.tessdataDir(), settings.languages()).toString();
        this.readerOfThread = ThreadLocal.withInitial(() -> {
            TesseractPageReader reader = new TesseractPageReader(tessdataDir, settings, timeLimit);
            readers.add(reader);
            return reader;
        });
        // load the natives and the model now, so that a broken installation fails at start-up, not on a job
        readerOfThread.get();
    }

    public OcrSettings settings() {
        return settings;
    }

    @Override
    public List<OcrPage> recognize(byte[] document, DocumentType type) {
        if (closed) {
            throw new IllegalStateException("the recogniser is closed");
        }
        long deadline = System.nanoTime() + timeLimit.toNanos();
        return type == DocumentType.PDF ? readPdf(document, deadline) : readImage(document, type, deadline);
    }

    // one decoded page at a time: what a job holds is bounded by one page of at most maxPagePixels
    private List<OcrPage> readImage(byte[] bytes, DocumentType type, long deadline) {
        try (PixImages.Pages pages = PixImages.open(bytes, type, limits)) {
            List<OcrPage> result = new ArrayList<>(pages.count());
            for (int i = 0; i < pages.count(); i++) {
                PIX page = pages.next();
                try {
                    result.add(readerOfThread.get().read(page, deadline));
                } finally {
                    pixDestroy(page);
                }
            }
            return result;
        }
    }

    private List<OcrPage> readPdf(byte[] bytes, long deadline) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw new ProblemException(Problems.unreadableDocument("The PDF is encrypted: encrypted PDFs are not"
                        + " accepted. Send it without encryption."));
            }
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new ProblemException(Problems.unreadableDocument("The PDF has no pages."));
            }
            limits.checkPages(pageCount);
            float[] dpis = renderResolutions(document, pageCount);
            PDFRenderer renderer = null;
            List<OcrPage> result = new ArrayList<>(pageCount);
            for (int i = 0; i < pageCount; i++) {
                OcrPage page = PdfTextLayer.read(document, i);
                if (page != null && page.words().size() < STAMP_WORDS
                        && PdfImageCoverage.of(document.getPage(i)) >= SCANNED_COVERAGE) {
                    page = null; // a scan with a stamp of text on it: recognise the scan
                }
                if (page == null) {
                    if (renderer == null) {
                        renderer = new PDFRenderer(document);
                    }
                    page = recognizeRendered(renderer, i, dpis[i], deadline);
                }
                result.add(page);
            }
            return result;
        } catch (InvalidPasswordException e) {
            throw new ProblemException(Problems.unreadableDocument("The PDF is encrypted with a password: encrypted"
                    + " PDFs are not accepted. Send it without encryption."));
        } catch (IOException e) {
            throw new ProblemException(Problems.unreadableDocument("The PDF is corrupt and cannot be read."));
        } catch (IllegalStateException | IllegalArgumentException | ClassCastException | NullPointerException
                 | IndexOutOfBoundsException | StackOverflowError e) {
            // what PDFBox throws on a page tree with a loop ("Possible recursion found") or objects of the wrong kind
            throw new ProblemException(Problems.unreadableDocument("The PDF's structure is broken and cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")."));
        }
    }

    /**
     * The resolution each page would be rendered at: 300 dpi, lower for a page too large for
     * {@link DocumentLimits#maxPagePixels()} at 300 dpi. Checked for every page before any is read: a page with an empty
     * or degenerate box (zero wide and a billion points high passes a width x height test) is refused, and so is a
     * document whose pages would render to more than {@link DocumentLimits#maxDocumentPixels()}, counting every page
     * as rendered.
     */
    private float[] renderResolutions(PDDocument document, int pageCount) {
        float[] dpis = new float[pageCount];
        long total = 0;
        for (int i = 0; i < pageCount; i++) {
            PDRectangle box = document.getPage(i).getCropBox();
            double widthInches = box.getWidth() / 72.0;
            double heightInches = box.getHeight() / 72.0;
            if (!(widthInches >= 1.0 / 72 && heightInches >= 1.0 / 72) || Double.isInfinite(widthInches * heightInches)) {
                throw new ProblemException(Problems.unreadableDocument("Page " + (i + 1) + " of the PDF has a"
                        + " degenerate size (" + box.getWidth() + " x " + box.getHeight() + " points in its MediaBox or"
                        + " CropBox): a page must be at least one point wide and high."));
            }
            double dpi = PDF_RENDER_DPI;
            if (widthInches * heightInches * dpi * dpi > limits.maxPagePixels()) {
                dpi = Math.sqrt(limits.maxPagePixels() / (widthInches * heightInches));
            }
            // PDFBox rounds each side up to a whole pixel: a very long, thin page still overshoots the budget
            long width = (long) Math.ceil(widthInches * dpi);
            long height = (long) Math.ceil(heightInches * dpi);
            limits.checkPage(i, width, height);
            total += width * height;
            dpis[i] = (float) dpi;
        }
        limits.checkDocument(total);
        return dpis;
    }

    private OcrPage recognizeRendered(PDFRenderer renderer, int index, float dpi, long deadline) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new ProblemException(Problems.inferenceTimeout(timeLimit.toSeconds()));
        }
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        PIX pix = PixImages.fromBufferedImage(image, Math.round(dpi));
        try {
            return readerOfThread.get().read(pix, deadline);
        } finally {
            pixDestroy(pix);
        }
    }

    /** Frees every Tesseract instance; call once no thread recognises any more. */
    @Override
    public void close() {
        closed = true;
        TesseractPageReader reader;
        while ((reader = readers.poll()) != null) {
            reader.close();
        }
    }
}
