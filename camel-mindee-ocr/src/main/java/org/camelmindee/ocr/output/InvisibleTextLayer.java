package org.camelmindee.ocr.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.camelmindee.ocr.model.OcrWord;

/**
 * Draws a page's words as invisible text (rendering mode 3) over the page: each word stretched to the box around its
 * polygon, so that selecting, copying and searching find it where it is seen. The font is Liberation Sans (SIL OFL
 * 1.1, shipped inside PDFBox), embedded as a subset so that the file stays small and PDF/A accepts it; a character the
 * font lacks is written as {@value #MISSING}.
 */
final class InvisibleTextLayer {

    static final char MISSING = '?';
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDType0Font font;
    private final float ascent;
    private final float descent;

    InvisibleTextLayer(PDDocument document) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("PDFBox's Liberation Sans font is missing from the class path (" + FONT + ")");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // no ligatures: each character of a word stays a glyph of its own (and substitution costs a regex per word)
            ttf.setEnableGsub(false);
            font = PDType0Font.load(document, ttf, true);
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        ascent = descriptor.getAscent() / 1000f;
        descent = descriptor.getDescent() / 1000f;
    }

    /** Appends the words to the page, after what it already draws; returns how many were drawn. */
    int draw(PDDocument document, PDPage page, List<OcrWord> words) throws IOException {
        PageGeometry geometry = new PageGeometry(page.getCropBox(), page.getRotation());
        int drawn = 0;
        try (PDPageContentStream out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                true, true)) {
            out.beginText();
            out.setRenderingMode(RenderingMode.NEITHER);
            for (OcrWord word : words) {
                if (drawWord(out, geometry, word)) {
                    drawn++;
                }
            }
            out.endText();
        }
        return drawn;
    }

    private boolean drawWord(PDPageContentStream out, PageGeometry geometry, OcrWord word) throws IOException {
        String text = encodable(word.content() == null ? "" : word.content().strip());
        Box box = Box.around(word.polygon());
        if (text.isEmpty() || box == null) {
            return false;
        }
        float advance = font.getStringWidth(text) / 1000f;
        float width = (float) (box.width() * geometry.displayedWidth());
        float height = (float) (box.height() * geometry.displayedHeight());
        if (advance <= 0 || width <= 0 || height <= 0) {
            return false;
        }
        // the glyphs' ascent to descent spans the box's height; the horizontal scaling stretches them to its width
        float size = height / (ascent - descent);
        double baseline = box.bottom() * geometry.displayedHeight() + descent * size;
        float[] origin = geometry.toUserSpace(box.left() * geometry.displayedWidth(), baseline);
        double angle = Math.toRadians(geometry.rotation());
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        out.setFont(font, size);
        out.setHorizontalScaling(100f * width / (advance * size));
        out.setTextMatrix(new Matrix(cos, sin, -sin, cos, origin[0], origin[1]));
        out.showText(text);
        return true;
    }

    /** The word with each character the font cannot show replaced, so that one odd glyph does not lose the word. */
    private String encodable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append(MISSING);
            }
        });
        return out.toString().strip();
    }

    /**
     * Where a point of the page as displayed (top left origin, in points, after the page's /Rotate) lies in the page's
     * own user space, and which way displayed text runs there.
     */
    record PageGeometry(PDRectangle crop, int rotation) {

        PageGeometry {
            rotation = Math.floorMod(rotation, 360) / 90 * 90;
        }

        double displayedWidth() {
            return rotation % 180 == 0 ? crop.getWidth() : crop.getHeight();
        }

        double displayedHeight() {
            return rotation % 180 == 0 ? crop.getHeight() : crop.getWidth();
        }

        float[] toUserSpace(double x, double y) {
            double dx = x / displayedWidth();
            double dy = y / displayedHeight();
            // the unrotated page's relative position, top left origin; a /Rotate of 90 turns the page clockwise
            double ux;
            double uy;
            switch (rotation) {
                case 90 -> {
                    ux = dy;
                    uy = 1 - dx;
                }
                case 180 -> {
                    ux = 1 - dx;
                    uy = 1 - dy;
                }
                case 270 -> {
                    ux = 1 - dy;
                    uy = dx;
                }
                default -> {
                    ux = dx;
                    uy = dy;
                }
            }
            return new float[] {
                    (float) (crop.getLowerLeftX() + ux * crop.getWidth()),
                    (float) (crop.getUpperRightY() - uy * crop.getHeight()) };
        }
    }
}
