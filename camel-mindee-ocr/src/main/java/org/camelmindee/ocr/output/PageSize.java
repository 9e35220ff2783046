package org.camelmindee.ocr.output;

/**
 * A page's size in pixels, the unit of hOCR and of ALTO's {@code pixel} measurement: an image's own pixels, a PDF page
 * at {@value #PDF_DPI} dpi.
 */
public record PageSize(int width, int height) {

    /** The resolution PDF pages are measured at, that of a typical archival scan. */
    public static final int PDF_DPI = 300;

    /**
     * What a page of unknown size is taken to be: A4 portrait at {@value #PDF_DPI} dpi. Used only when the original
     * document is not at hand; the coordinates then keep their proportions along each axis but not the page's shape.
     */
    public static final PageSize UNKNOWN = new PageSize(2480, 3508);

    public PageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A page has a positive size, not " + width + "x" + height);
        }
    }

    /** A PDF page of the given size in points (1/72 inch), in pixels at {@value #PDF_DPI} dpi. */
    public static PageSize ofPoints(double width, double height) {
        return new PageSize(Math.max(1, (int) Math.round(width * PDF_DPI / 72)),
                Math.max(1, (int) Math.round(height * PDF_DPI / 72)));
    }
}
