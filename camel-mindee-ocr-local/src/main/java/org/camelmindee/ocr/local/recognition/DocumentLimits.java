package org.camelmindee.ocr.local.recognition;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;

/**
 * How much one document may make the server decode, checked before any page is decoded or recognised: a file of a
 * few kilobytes can declare a billion pixels or thousands of pages. Each limit passed fails the job with a 422
 * problem ({@code 422-004}) that names the limit and its option.
 *
 * @param maxPages          pages in a document (PDF, multi-page TIFF)
 * @param maxPagePixels     pixels of one image page; PDF pages are rendered at a lower resolution to fit instead
 * @param maxDocumentPixels pixels of all the pages together, as decoded or rendered
 */
public record DocumentLimits(int maxPages, long maxPagePixels, long maxDocumentPixels) {

    public DocumentLimits {
        if (maxPages < 1 || maxPagePixels < 1 || maxDocumentPixels < 1) {
            throw new IllegalArgumentException("document limits must be positive");
        }
    }

    /**
     * 1,000 pages, 50 million pixels a page (a 48-megapixel phone photo, an A3 page at 600 dpi), 10 billion pixels a
     * document (about 1,200 letter pages at 300 dpi).
     */
    public static DocumentLimits defaults() {
        return new DocumentLimits(1000, 50_000_000L, 10_000_000_000L);
    }

    public DocumentLimits withMaxPages(int pages) {
        return new DocumentLimits(pages, maxPagePixels, maxDocumentPixels);
    }

    public DocumentLimits withMaxPagePixels(long pixels) {
        return new DocumentLimits(maxPages, pixels, maxDocumentPixels);
    }

    public DocumentLimits withMaxDocumentPixels(long pixels) {
        return new DocumentLimits(maxPages, maxPagePixels, pixels);
    }

    /** Throws the 422 problem when a document has more pages than allowed. */
    void checkPages(int pages) {
        if (pages > maxPages) {
            throw new ProblemException(Problems.documentOverLimit("The document has " + (pages == maxPages + 1
                    ? "more than " + maxPages : String.valueOf(pages)) + " pages; this server reads at most " + maxPages
                    + " (option maxPages / --max-pages). Split it and send the parts."));
        }
    }

    /** Throws the 422 problem when page {@code index} (0-based) has more pixels than allowed. */
    void checkPage(int index, long width, long height) {
        if (width * height > maxPagePixels) {
            throw new ProblemException(Problems.documentOverLimit("Page " + (index + 1) + " is " + width + " x "
                    + height + " pixels (" + megapixels(width * height) + "); this server decodes at most "
                    + megapixels(maxPagePixels) + " a page (option maxPagePixels / --max-page-megapixels)."));
        }
    }

    /** Throws the 422 problem when the pages together have more pixels than allowed. */
    void checkDocument(long pixels) {
        if (pixels > maxDocumentPixels) {
            throw new ProblemException(Problems.documentOverLimit("The pages together are " + megapixels(pixels)
                    + "; this server decodes at most " + megapixels(maxDocumentPixels) + " a document (option"
                    + " maxDocumentPixels / --max-document-megapixels). Split it and send the parts."));
        }
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%,.1f million pixels", pixels / 1e6);
    }
}
