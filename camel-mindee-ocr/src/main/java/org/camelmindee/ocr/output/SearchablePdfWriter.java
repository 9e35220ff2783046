package org.camelmindee.ocr.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Makes the original document searchable: its pages as they are, with the OCR result's words as invisible text where
 * they are seen.
 * <ul>
 * <li>A PDF keeps its pages, sizes, rotations and content; a page that already has a text layer holding most of the
 * words read on it (a born-digital page) gets no second one.</li>
 * <li>An image becomes one page per frame, the size its pixels and resolution give, the image drawn as it is.</li>
 * <li>Optionally PDF/A-2b ({@link PdfA}), for archives.</li>
 * </ul>
 * Memory stays bounded for large documents: the original is read from its file as pages are needed, and everything
 * PDFBox buffers goes to temporary files, never the heap.
 */
public final class SearchablePdfWriter {

    /** A page keeps its own text when its text layer holds at least this share of the words read on it. */
    static final double OWN_TEXT_SHARE = 0.5;

    private SearchablePdfWriter() {
    }

    /** What was written. */
    public record Summary(int pages, int pagesWithTextAdded, int wordsAdded) {
    }

    /**
     * @param original the document that was read: a PDF, or an image (JPEG, PNG, TIFF, GIF, BMP)
     * @param result   its OCR result; one page per page of the original
     * @param pdfA     declare PDF/A-2b
     * @param out      where the PDF goes; not closed
     */
    public static Summary write(Path original, OcrResponse result, boolean pdfA, OutputStream out) throws IOException {
        List<OcrPage> pages = OutputPages.of(result);
        try (PDDocument document = isPdf(original) ? loadPdf(original) : new PDDocument(
                IOUtils.createTempFileOnlyStreamCache())) {
            Summary summary = document.getNumberOfPages() > 0 ? addText(document, pages, original)
                    : imagePages(document, original, pages);
            if (pdfA) {
                PdfA.declare(document);
            }
            // plain cross-reference and no object streams: PDFBox writes object by object instead of gathering them
            document.save(out, CompressParameters.NO_COMPRESSION);
            return summary;
        }
    }

    /** The size in pixels of each page of the original, as hOCR and ALTO measure them. */
    public static List<PageSize> pageSizes(Path original) throws IOException {
        if (isPdf(original)) {
            try (PDDocument document = loadPdf(original)) {
                PageSize[] sizes = new PageSize[document.getNumberOfPages()];
                for (int i = 0; i < sizes.length; i++) {
                    PDPage page = document.getPage(i);
                    InvisibleTextLayer.PageGeometry geometry = new InvisibleTextLayer.PageGeometry(page.getCropBox(),
                            page.getRotation());
                    sizes[i] = PageSize.ofPoints(geometry.displayedWidth(), geometry.displayedHeight());
                }
                return Arrays.asList(sizes);
            }
        }
        try (ImagePages images = new ImagePages(original)) {
            PageSize[] sizes = new PageSize[images.count()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = images.pixelSize(i);
            }
            return Arrays.asList(sizes);
        }
    }

    static boolean isPdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }

    private static PDDocument loadPdf(Path file) throws IOException {
        return Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    private static Summary addText(PDDocument document, List<OcrPage> pages, Path original) throws IOException {
        int count = document.getNumberOfPages();
        checkPageCount(original, count, pages.size());
        InvisibleTextLayer layer = new InvisibleTextLayer(document);
        int withText = 0;
        int words = 0;
        for (int i = 0; i < count; i++) {
            List<OcrWord> read = pages.get(i).words();
            if (read.isEmpty() || hasOwnText(document, i, read)) {
                continue;
            }
            words += layer.draw(document, document.getPage(i), read);
            withText++;
        }
        return new Summary(count, withText, words);
    }

    private static Summary imagePages(PDDocument document, Path original, List<OcrPage> pages) throws IOException {
        try (ImagePages images = new ImagePages(original)) {
            int count = images.count();
            checkPageCount(original, count, pages.size());
            InvisibleTextLayer layer = new InvisibleTextLayer(document);
            int withText = 0;
            int words = 0;
            for (int i = 0; i < count; i++) {
                PDImageXObject image = images.image(document, i);
                double[] dpi = images.dpi(i);
                PDRectangle size = new PDRectangle((float) (image.getWidth() * 72 / dpi[0]),
                        (float) (image.getHeight() * 72 / dpi[1]));
                PDPage page = new PDPage(size);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 0, 0, size.getWidth(), size.getHeight());
                }
                List<OcrWord> read = pages.get(i).words();
                if (!read.isEmpty()) {
                    words += layer.draw(document, page, read);
                    withText++;
                }
            }
            return new Summary(count, withText, words);
        }
    }

    private static void checkPageCount(Path original, int documentPages, int resultPages) {
        if (documentPages != resultPages) {
            throw new IllegalArgumentException("The original " + original.getFileName() + " has " + documentPages
                                               + " pages and the OCR result " + resultPages + ": is it the document"
                                               + " that was read?");
        }
    }

    /** Whether the page's own text layer already holds most of the words the OCR read on it. */
    private static boolean hasOwnText(PDDocument document, int index, List<OcrWord> read) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        String own = stripper.getText(document);
        if (own.isBlank()) {
            return false;
        }
        Set<String> ownWords = new HashSet<>(Arrays.asList(normalise(own).split("\\s+")));
        long found = read.stream().map(w -> normalise(w.content())).filter(ownWords::contains).count();
        return found >= OWN_TEXT_SHARE * read.size();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
