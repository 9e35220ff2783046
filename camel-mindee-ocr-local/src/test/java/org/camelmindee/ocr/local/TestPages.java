package org.camelmindee.ocr.local;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Pages with known text, made by the tests themselves: drawn with Java2D at 300 dpi on a US letter page (clean,
 * turned a few degrees, with noise and JPEG artefacts, scaled down), as images and as an image-only PDF, and a
 * born-digital PDF written with PDFBox; strips of a few lines; light text on dark or coloured backgrounds (a business
 * card, a table's header row, photographed on a desk); a blank tiny PNG. The font is the Liberation Sans that PDFBox
 * carries, so no system font is needed.
 */
public final class TestPages {

    public static final int DPI = 300;
    public static final int WIDTH = 2550;
    public static final int HEIGHT = 3300;

    public static final List<String> LINES = List.of(
            "INVOICE 2024-0117",
            "Bill to: Northwind Traders Ltd, 42 Harbour Road, Portsmouth PO1 3AX",
            "Date of issue: 17 January 2024    Payment terms: 30 days net",
            "The quick brown fox jumps over the lazy dog near the river bank.",
            "Item                      Quantity    Unit price    Amount",
            "Steel brackets, zinc plated     120        0.85        102.00",
            "Hex bolts M8 x 40 (box of 50)     4       12.40         49.60",
            "Shipping and handling             1       18.00         18.00",
            "Subtotal 169.60   VAT 20% 33.92   Total due EUR 203.52",
            "Please quote the invoice number with your payment. Thank you!",
            "Questions? Write to accounts@northwind.example or call +44 23 9287 4411.");

    /** The words of the coloured pages: light on a coloured field, dark beside it, a table's titles and rows. */
    public static final List<String> CARD_LIGHT = List.of("Jane Whitfield", "Senior Logistics Engineer",
            "jane.whitfield@example.com", "+44 20 7946 0321", "42 Harbour Road, Bristol BS1 5TY");
    public static final String CARD_DARK = "Northwind Freight Services Ltd";
    public static final List<String> TABLE_HEADER = List.of("Item", "Quantity", "Unit price", "Amount");
    public static final List<String> TABLE_ROWS = List.of("Pallet wrap", "12", "4.50", "54.00", "Steel strapping", "3",
            "18.20", "54.60");

    /** A drawn page and where each word was put, in page pixels (before any noise). */
    public record Page(BufferedImage image, String text, Map<String, double[]> wordBoxes) {
    }

    public static Font font(float points) {
        try (InputStream in = PDType1Font.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(points * DPI / 72f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String expectedText() {
        return String.join("\n", LINES);
    }

    /** Draws the page, turned by {@code degrees} clockwise about its centre. */
    public static Page draw(double degrees) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(degrees), WIDTH / 2.0, HEIGHT / 2.0);
        g.transform(turn);
        g.setColor(Color.BLACK);
        Font font = font(12);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        Map<String, double[]> boxes = new LinkedHashMap<>();
        int y = 400;
        for (String line : LINES) {
            g.drawString(line, 300, y);
            int x = 300;
            for (String token : line.split("(?<= )|(?= )")) {
                int w = metrics.stringWidth(token);
                if (!token.isBlank()) {
                    double[] corners = { x, y - metrics.getAscent() * 0.75, x + w, y + metrics.getDescent() * 0.3 };
                    Point2D tl = turn.transform(new Point2D.Double(corners[0], corners[1]), null);
                    Point2D br = turn.transform(new Point2D.Double(corners[2], corners[3]), null);
                    boxes.putIfAbsent(token, new double[] { tl.getX(), tl.getY(), br.getX(), br.getY() });
                }
                x += w;
            }
            y += (int) (metrics.getHeight() * 1.6);
        }
        g.dispose();
        return new Page(image, expectedText(), boxes);
    }

    /** The picture turned clockwise by quarter turns, as a scanner or a phone stores a page lying sideways. */
    public static BufferedImage quarterTurned(BufferedImage image, int quarters) {
        boolean sideways = (quarters & 1) == 1;
        int w = sideways ? image.getHeight() : image.getWidth();
        int h = sideways ? image.getWidth() : image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.translate(w / 2.0, h / 2.0);
        g.rotate(Math.PI / 2 * quarters);
        g.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Salt-and-pepper noise on a share of the pixels, reproducibly. */
    public static BufferedImage noisy(BufferedImage source, double share, long seed) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.getGraphics().drawImage(source, 0, 0, null);
        Random random = new Random(seed);
        int n = (int) (share * source.getWidth() * source.getHeight());
        for (int i = 0; i < n; i++) {
            int x = random.nextInt(source.getWidth());
            int y = random.nextInt(source.getHeight());
            int v = random.nextBoolean() ? 0 : 255;
            copy.getRaster().setSample(x, y, 0, v);
        }
        return copy;
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A scanned PDF: the page image only, no text layer. */
    public static byte[] imageOnlyPdf(BufferedImage image) throws IOException {
        return stampedScanPdf(image, null);
    }

    /** A scanned page with a stamp of text on top, as scanners and document systems add them; no stamp when null. */
    public static byte[] stampedScanPdf(BufferedImage image, String stamp) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(xobject, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                if (stamp != null) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
                    content.newLineAtOffset(450, 20);
                    content.showText(stamp);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A born-digital PDF: the same lines as text, in Helvetica, two pages. */
    public static byte[] digitalPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(helvetica, 11);
                    content.setLeading(20);
                    content.newLineAtOffset(72, 700);
                    for (String line : LINES) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Character error rate: edit distance over the reference length, whitespace runs counted as one space. */
    public static double cer(String reference, String hypothesis) {
        String r = reference.replaceAll("\\s+", " ").strip();
        String h = hypothesis.replaceAll("\\s+", " ").strip();
        int[] previous = new int[h.length() + 1];
        int[] current = new int[h.length() + 1];
        for (int j = 0; j <= h.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= r.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= h.length(); j++) {
                int cost = r.charAt(i - 1) == h.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return (double) previous[h.length()] / Math.max(1, r.length());
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** A blank 20 x 20 grey PNG: a valid upload that reads no words, for tests about everything but OCR. */
    public static byte[] tinyPng() throws IOException {
        return png(new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY));
    }

    /** The picture at {@code factor} times its resolution (1/3 of 300 dpi: a 100 dpi scan). */
    public static BufferedImage scaled(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    /** A letter-wide strip of a few lines of 12-point text, black on white, upright. */
    public static BufferedImage textLines(List<String> lines) {
        BufferedImage image = new BufferedImage(WIDTH, 700, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(font(12));
        drawLines(g, lines, 150, 200, 150);
        g.dispose();
        return image;
    }

    /** A 3.5 x 2 inch business card: white text on a blue field, the company's name in black on a white strip. */
    public static BufferedImage businessCard() {
        BufferedImage image = new BufferedImage(1050, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(new Color(18, 62, 140));
        g.fillRect(0, 0, 1050, 600);
        g.setColor(Color.WHITE);
        g.fillRect(0, 470, 1050, 130);
        g.setColor(Color.BLACK);
        g.setFont(font(11));
        g.drawString(CARD_DARK, 60, 555);
        g.setColor(Color.WHITE);
        g.setFont(font(16).deriveFont(Font.BOLD));
        g.drawString(CARD_LIGHT.get(0), 60, 110);
        g.setFont(font(10));
        drawLines(g, CARD_LIGHT.subList(1, CARD_LIGHT.size()), 60, 180, 70);
        g.dispose();
        return image;
    }

    /** A letter-width page: a table with white column titles on a dark grey header row, rows in black on white. */
    public static BufferedImage tableWithDarkHeader() {
        BufferedImage image = new BufferedImage(2550, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2550, 900);
        g.setColor(new Color(64, 64, 72));
        g.fillRect(150, 150, 2250, 110);
        g.setFont(font(12));
        int[] columns = { 200, 900, 1400, 1950 };
        g.setColor(Color.WHITE);
        for (int i = 0; i < TABLE_HEADER.size(); i++) {
            g.drawString(TABLE_HEADER.get(i), columns[i], 225);
        }
        g.setColor(Color.BLACK);
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < 4; i++) {
                g.drawString(TABLE_ROWS.get(row * 4 + i), columns[i], 360 + row * 100);
            }
        }
        g.dispose();
        return image;
    }

    /**
     * The image as a phone would take it on a desk: lit from one corner (the far corner gets 45% of the light),
     * turned by a degree and a half on a darker table.
     */
    public static BufferedImage photographed(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage lit = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double far = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = 1.0 - 0.55 * Math.hypot(x, y) / far;
                int rgb = source.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * light);
                int gr = (int) (((rgb >> 8) & 0xff) * light);
                int b = (int) ((rgb & 0xff) * light);
                lit.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        int margin = Math.max(w, h) / 12;
        BufferedImage photo = new BufferedImage(w + 2 * margin, h + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(photo);
        g.setColor(new Color(96, 80, 64));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(1.5), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
        g.drawImage(lit, margin, margin, null);
        g.dispose();
        return photo;
    }

    private static void drawLines(Graphics2D g, List<String> lines, int x, int firstBaseline, int lineHeight) {
        int y = firstBaseline;
        for (String line : lines) {
            g.drawString(line, x, y);
            y += lineHeight;
        }
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
