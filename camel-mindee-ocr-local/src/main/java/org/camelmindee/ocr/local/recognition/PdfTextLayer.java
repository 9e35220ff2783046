package org.camelmindee.ocr.local.recognition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/**
 * Reads the text layer of one PDF page: PDFBox already knows every glyph and where it stands, so a born-digital page
 * needs no OCR at all (milliseconds instead of a second) and its text is exact.
 */
final class PdfTextLayer extends PDFTextStripper {

    private final List<OcrWord> words = new ArrayList<>();
    // the page's /Rotate: PDFBox gives glyph positions on the unrotated page, Mindee on the page as displayed
    private final int rotation;

    private PdfTextLayer(int rotation) {
        this.rotation = Math.floorMod(rotation, 360) / 90 * 90;
        setSortByPosition(true);
        setLineSeparator("\n");
        setWordSeparator(" ");
        setParagraphStart("");
        setParagraphEnd("");
        setPageStart("");
        setPageEnd("");
    }

    /** The page's words and text, or null when the page has no text layer (scanned, or drawn only). */
    static OcrPage read(PDDocument document, int pageIndex) throws IOException {
        PdfTextLayer stripper = new PdfTextLayer(document.getPage(pageIndex).getRotation());
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        StringWriter out = new StringWriter();
        stripper.writeText(document, out);
        if (stripper.words.isEmpty()) {
            return null;
        }
        String content = out.toString().lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return new OcrPage(content, stripper.words);
    }

    // PDFTextStripper calls this once per word of a line, with the word's glyphs
    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
        int start = 0;
        // a "word" of PDFBox may still hold spaces drawn as glyphs: split it with its glyphs
        for (int i = 0; i <= positions.size(); i++) {
            boolean end = i == positions.size() || positions.get(i).getUnicode().isBlank();
            if (end) {
                if (i > start) {
                    addWord(positions.subList(start, i));
                }
                start = i + 1;
            }
        }
    }

    private void addWord(List<TextPosition> glyphs) {
        StringBuilder text = new StringBuilder();
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        float pageWidth = glyphs.get(0).getPageWidth();
        float pageHeight = glyphs.get(0).getPageHeight();
        for (TextPosition glyph : glyphs) {
            text.append(glyph.getUnicode());
            double x = glyph.getXDirAdj();
            double baseline = glyph.getYDirAdj();
            double height = glyph.getHeightDir();
            // PDFBox's glyph height is roughly the x-height: reach up to the capitals and down to the descenders
            left = Math.min(left, x);
            right = Math.max(right, x + glyph.getWidthDirAdj());
            top = Math.min(top, baseline - height * 1.35);
            bottom = Math.max(bottom, baseline + height * 0.3);
        }
        String word = text.toString().strip();
        if (word.isEmpty() || pageWidth <= 0 || pageHeight <= 0) {
            return;
        }
        double l = clamp(left / pageWidth);
        double r = clamp(right / pageWidth);
        double t = clamp(top / pageHeight);
        double b = clamp(bottom / pageHeight);
        words.add(new OcrWord(word, List.of(displayed(l, t), displayed(r, t), displayed(r, b), displayed(l, b))));
    }

    /** A point of the unrotated page on the page as viewers show it, turned clockwise by /Rotate. */
    private Point displayed(double x, double y) {
        return switch (rotation) {
            case 90 -> new Point(1 - y, x);
            case 180 -> new Point(1 - x, 1 - y);
            case 270 -> new Point(y, 1 - x);
            default -> new Point(x, y);
        };
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
