package org.camelmindee.ocr.local;

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
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.OcrPage;

/**
 * The real recogniser: images through Leptonica and Tesseract, PDFs through PDFBox (the text layer where a page has
 * one, otherwise the page rendered at 300 dpi and recognised). One Tesseract engine per calling thread.
 */
public final class TesseractRecognizer implements Recognizer {

    /** PDF pages without a text layer are rendered at this resolution, as a scanner would. */
    public static final int PDF_RENDER_DPI = 300;
    // a page mostly covered by images with fewer words of text than this is a scan, whatever its text layer says
    private static final int STAMP_WORDS = 20;
    private static final double SCANNED_COVERAGE = 0.5;
    // a poster-sized page at 300 dpi would take gigabytes: render such pages at a lower resolution instead
    private static final double MAX_RENDER_PIXELS = 60_000_000d;

    /** The API gives up on an inference after 590 s; so does this recogniser, per document. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(590);

    private final OcrSettings settings;
    private final Duration timeLimit;
    private final Queue<TesseractEngine> engines = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<TesseractEngine> engineOfThread;
    private volatile boolean closed;

    public TesseractRecognizer() {
        this(OcrSettings.defaults());
    }

    public TesseractRecognizer(OcrSettings settings) {
        this(settings, TIME_LIMIT);
    }

    /** With another time limit per document (tests). */
    TesseractRecognizer(OcrSettings settings, Duration timeLimit) {
        this.settings = settings;
        this.timeLimit = timeLimit;
        String tessdataDir = Tessdata.resolve(settings.tessdataDir(), settings.languages()).toString();
        this.engineOfThread = ThreadLocal.withInitial(() -> {
            TesseractEngine engine = new TesseractEngine(tessdataDir, settings, timeLimit);
            engines.add(engine);
            return engine;
        });
        // load the natives and the model now, so that a broken installation fails at start-up, not on a job
        engineOfThread.get();
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

    private List<OcrPage> readImage(byte[] bytes, DocumentType type, long deadline) {
        List<PIX> pages = PixImages.decode(bytes, type);
        List<OcrPage> result = new ArrayList<>(pages.size());
        try {
            for (PIX page : pages) {
                result.add(engineOfThread.get().read(page, deadline));
            }
        } finally {
            pages.forEach(p -> pixDestroy(p));
        }
        return result;
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
                    page = recognizeRendered(renderer, document.getPage(i), i, deadline);
                }
                result.add(page);
            }
            return result;
        } catch (InvalidPasswordException e) {
            throw new ProblemException(Problems.unreadableDocument("The PDF is encrypted with a password: encrypted"
                    + " PDFs are not accepted. Send it without encryption."));
        } catch (IOException e) {
            throw new ProblemException(Problems.unreadableDocument("The PDF is corrupt and cannot be read."));
        }
    }

    private OcrPage recognizeRendered(PDFRenderer renderer, PDPage page, int index, long deadline)
            throws IOException {
        if (System.nanoTime() > deadline) {
            throw new ProblemException(Problems.inferenceTimeout(timeLimit.toSeconds()));
        }
        PDRectangle box = page.getCropBox();
        double inches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        float dpi = PDF_RENDER_DPI;
        if (inches * dpi * dpi > MAX_RENDER_PIXELS) {
            dpi = (float) Math.sqrt(MAX_RENDER_PIXELS / inches);
        }
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        PIX pix = PixImages.fromBufferedImage(image, Math.round(dpi));
        try {
            return engineOfThread.get().read(pix, deadline);
        } finally {
            pixDestroy(pix);
        }
    }

    /** Frees every engine; call once no thread recognises any more. */
    @Override
    public void close() {
        closed = true;
        TesseractEngine engine;
        while ((engine = engines.poll()) != null) {
            engine.close();
        }
    }
}
