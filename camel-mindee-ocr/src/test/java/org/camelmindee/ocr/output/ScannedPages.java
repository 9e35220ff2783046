package org.camelmindee.ocr.output;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.camelmindee.ocr.model.InferenceFile;
import org.camelmindee.ocr.model.OcrInference;
import org.camelmindee.ocr.model.OcrPage;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.OcrResult;
import org.camelmindee.ocr.model.OcrWord;
import org.camelmindee.ocr.model.Point;

/**
 * Scanned pages made by the tests: an image with words drawn at known places, and the OCR result that names each word
 * with its exact polygon, so that what the writers place can be checked against the truth.
 */
public final class ScannedPages {

    private static final String[] VOCABULARY = {
            "invoice", "Harbour", "Lane", "Books", "total", "amount", "due", "Quay", "Street", "Bristol", "delivery",
            "note", "order", "12.50", "GBP", "Camel", "route", "archive", "scan", "page", "reference", "2026-12-04",
            "Okafor", "receipt", "VAT", "net", "customer", "account", "paid", "balance" };

    /** One page: its pixels and the words on it. */
    public record Page(BufferedImage image, OcrPage ocr) {
    }

    private ScannedPages() {
    }

    /**
     * A page of {@code width} x {@code height} pixels: a heading across the top, then two columns of {@code lines}
     * lines each, words drawn in black on white.
     */
    public static Page page(int width, int height, int lines, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random random = new Random(seed);
        List<OcrWord> words = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        int size = Math.max(10, height / 70);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 3 / 2));
        int margin = width / 12;
        int y = height / 10;
        content.append(line(g, words, List.of("Statement", "of", "account"), margin, y, width, height));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        int columnWidth = (width - 3 * margin) / 2;
        for (int column = 0; column < 2; column++) {
            int left = margin + column * (columnWidth + margin);
            int baseline = y + size * 4;
            for (int i = 0; i < lines; i++) {
                List<String> text = new ArrayList<>();
                int used = 0;
                FontMetrics metrics = g.getFontMetrics();
                while (true) {
                    String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
                    int advance = metrics.stringWidth(word + " ");
                    if (used + advance > columnWidth) {
                        break;
                    }
                    text.add(word);
                    used += advance;
                }
                content.append('\n').append(line(g, words, text, left, baseline, width, height));
                baseline += size * 2;
            }
        }
        g.dispose();
        return new Page(image, new OcrPage(content.toString(), words));
    }

    private static String line(Graphics2D g, List<OcrWord> words, List<String> text, int left, int baseline, int width,
            int height) {
        FontMetrics metrics = g.getFontMetrics();
        int x = left;
        for (String word : text) {
            g.drawString(word, x, baseline);
            int right = x + metrics.stringWidth(word);
            double top = (baseline - metrics.getAscent() * 0.8) / height;
            double bottom = (baseline + metrics.getDescent() * 0.8) / height;
            words.add(new OcrWord(word, List.of(new Point((double) x / width, top),
                    new Point((double) right / width, top), new Point((double) right / width, bottom),
                    new Point((double) x / width, bottom))));
            x = right + metrics.stringWidth(" ");
        }
        return String.join(" ", text);
    }

    /** The result Mindee would give for these pages. */
    public static OcrResponse response(String filename, String mimeType, List<OcrPage> pages) {
        return new OcrResponse(new OcrInference("00000000-0000-0000-0000-000000000001", null, null,
                new InferenceFile(filename, null, pages.size(), mimeType), new OcrResult(pages)));
    }
}
