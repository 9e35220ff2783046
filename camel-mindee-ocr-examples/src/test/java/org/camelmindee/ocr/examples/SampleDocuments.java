package org.camelmindee.ocr.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Makes the sample documents in {@code src/main/resources/samples}: every word written for this project, drawn with
 * Java2D in the Liberation Sans font that PDFBox carries (no system font needed), reproducibly (fixed seeds).
 * <ul>
 * <li>{@code scanned-letter.png}: an A5 page at 200 dpi, turned 1.2 degrees, grey paper, speckles;</li>
 * <li>{@code photo-receipt.jpg}: a till receipt photographed on a table: perspective, shading, blur, JPEG;</li>
 * <li>{@code delivery-note.pdf}: three A5 pages, two of them scanned images, the last one born digital.</li>
 * </ul>
 * Run: {@code mvn -q -pl camel-mindee-ocr-examples test-compile exec:java@samples}
 */
public final class SampleDocuments {

    static final int DPI = 200;
    static final int A5_WIDTH = 1165;
    static final int A5_HEIGHT = 1654;

    static final List<String> LETTER = List.of(
            "Harbour Lane Books",
            "12 Quay Street, Bristol BS1 4DJ",
            "",
            "Dear Ms Okafor,",
            "",
            "Thank you for your order of 3 March.",
            "The two atlases you asked for are back",
            "in stock and will leave our shop on",
            "Friday, together with the map of the",
            "Severn estuary. Your order number is",
            "HLB-20417; please quote it if you write.",
            "",
            "Kind regards,",
            "Daniel Marsh, bookseller");

    static final List<String> RECEIPT = List.of(
            "GREEN STREET MARKET",
            "Till 3   14:52   Receipt 88213",
            "",
            "Apples 1.2 kg          2.64",
            "Brown bread            1.95",
            "Cheddar 250 g          3.40",
            "Coffee beans           6.80",
            "",
            "TOTAL                 14.79",
            "Card payment          14.79",
            "",
            "Thank you, come again!");

    static final List<List<String>> DELIVERY_NOTE = List.of(
            List.of(
                    "DELIVERY NOTE DN-5531",
                    "Page 1 of 3",
                    "",
                    "From: Alder Garden Supplies",
                    "To: Riverside Community Garden",
                    "Date: 21 May",
                    "",
                    "Item            Quantity",
                    "Compost bags          12",
                    "Watering cans          4",
                    "Seed trays            30"),
            List.of(
                    "DELIVERY NOTE DN-5531",
                    "Page 2 of 3",
                    "",
                    "Item            Quantity",
                    "Hand trowels           6",
                    "Garden twine           3",
                    "Plant labels         200",
                    "",
                    "Goods checked by the driver",
                    "and signed for on arrival."),
            List.of(
                    "DELIVERY NOTE DN-5531",
                    "Page 3 of 3",
                    "",
                    "Returns within 14 days, unused.",
                    "Questions: orders@alder.example",
                    "Thank you for your custom."));

    private SampleDocuments() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve("scanned-letter.png"), png(scannedLetter()));
        Files.write(dir.resolve("photo-receipt.jpg"), jpeg(photoReceipt(), 0.82f));
        Files.write(dir.resolve("delivery-note.pdf"), deliveryNote());
        System.out.println("Wrote the samples to " + dir.toAbsolutePath());
    }

    static Font font(float points) {
        try (InputStream in = PDType1Font.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(points * DPI / 72f);
        } catch (Exception e) {
            throw new IllegalStateException("Liberation Sans from PDFBox", e);
        }
    }

    /** An A5 page of text on white, grey. */
    static BufferedImage page(List<String> lines, float points, double degrees, int paper) {
        BufferedImage image = new BufferedImage(A5_WIDTH, A5_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, A5_WIDTH, A5_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), A5_WIDTH / 2.0, A5_HEIGHT / 2.0);
        g.setColor(new Color(25, 25, 25));
        g.setFont(font(points));
        int lineHeight = (int) (g.getFontMetrics().getHeight() * 1.35);
        int y = 190;
        for (String line : lines) {
            g.drawString(line, 130, y);
            y += lineHeight;
        }
        g.dispose();
        return image;
    }

    /** A scanned page: grey paper, turned a little, dust specks. */
    static BufferedImage scannedLetter() {
        BufferedImage page = page(LETTER, 12, 1.2, 236);
        speckle(page, 0.0012, 17);
        return page;
    }

    static void speckle(BufferedImage image, double share, long seed) {
        Random random = new Random(seed);
        int n = (int) (share * image.getWidth() * image.getHeight());
        for (int i = 0; i < n; i++) {
            int x = random.nextInt(image.getWidth());
            int y = random.nextInt(image.getHeight());
            image.getRaster().setSample(x, y, 0, random.nextInt(4) == 0 ? 255 : 60 + random.nextInt(60));
        }
    }

    /** A receipt on a table, seen from a little above its foot: a trapezoid, shaded, slightly out of focus. */
    static BufferedImage photoReceipt() {
        int rw = 620;
        int rh = 980;
        BufferedImage receipt = new BufferedImage(rw, rh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = receipt.createGraphics();
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, rw, rh);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 50));
        g.setFont(font(10.5f).deriveFont(Font.PLAIN));
        int y = 90;
        for (String line : RECEIPT) {
            g.drawString(line, 40, y);
            y += 62;
        }
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 8f, 6f }, 0f));
        g.drawLine(40, 90 + 62 * 7 - 12, rw - 40, 90 + 62 * 7 - 12);
        g.dispose();

        int w = 1000;
        int h = 1200;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D table = photo.createGraphics();
        table.setPaint(new GradientPaint(0, 0, new Color(120, 92, 66), w, h, new Color(82, 60, 42)));
        table.fillRect(0, 0, w, h);
        table.dispose();
        // corners of the receipt in the photo: top narrower than the foot (perspective), a little turned
        double[][] quad = { { 230, 110 }, { 770, 130 }, { 840, 1120 }, { 170, 1100 } };
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                double[] uv = inverseBilinear(quad, px + 0.5, py + 0.5);
                if (uv == null) {
                    continue;
                }
                int rgb = sample(receipt, uv[0] * rw, uv[1] * rh);
                // light from the top left
                double light = 1.0 - 0.18 * (px + py) / (double) (w + h);
                photo.setRGB(px, py, shade(rgb, light));
            }
        }
        float[] blur = new float[9];
        java.util.Arrays.fill(blur, 1f / 9f);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
        Random random = new Random(5);
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                int noise = (int) (random.nextGaussian() * 4);
                blurred.setRGB(px, py, shade(blurred.getRGB(px, py), 1.0, noise));
            }
        }
        return blurred;
    }

    /** The (u, v) in [0,1]^2 of a point inside a quadrilateral (corners clockwise from the top left), or null. */
    static double[] inverseBilinear(double[][] q, double x, double y) {
        // Newton iterations on P(u,v) = (1-u)(1-v)A + u(1-v)B + uvC + (1-u)vD
        double u = 0.5;
        double v = 0.5;
        for (int i = 0; i < 8; i++) {
            double[] p = new double[2];
            double[] du = new double[2];
            double[] dv = new double[2];
            for (int k = 0; k < 2; k++) {
                p[k] = (1 - u) * (1 - v) * q[0][k] + u * (1 - v) * q[1][k] + u * v * q[2][k] + (1 - u) * v * q[3][k];
                du[k] = -(1 - v) * q[0][k] + (1 - v) * q[1][k] + v * q[2][k] - v * q[3][k];
                dv[k] = -(1 - u) * q[0][k] - u * q[1][k] + u * q[2][k] + (1 - u) * q[3][k];
            }
            double ex = p[0] - x;
            double ey = p[1] - y;
            double det = du[0] * dv[1] - du[1] * dv[0];
            if (Math.abs(det) < 1e-9) {
                return null;
            }
            u -= (ex * dv[1] - ey * dv[0]) / det;
            v -= (du[0] * ey - du[1] * ex) / det;
        }
        return u >= 0 && u < 1 && v >= 0 && v < 1 ? new double[] { u, v } : null;
    }

    static int sample(BufferedImage image, double x, double y) {
        int x0 = (int) Math.min(Math.max(Math.floor(x - 0.5), 0), image.getWidth() - 2);
        int y0 = (int) Math.min(Math.max(Math.floor(y - 0.5), 0), image.getHeight() - 2);
        double fx = Math.min(Math.max(x - 0.5 - x0, 0), 1);
        double fy = Math.min(Math.max(y - 0.5 - y0, 0), 1);
        int[] c = new int[3];
        for (int k = 0; k < 3; k++) {
            int shift = 16 - 8 * k;
            double a = (image.getRGB(x0, y0) >> shift & 0xff) * (1 - fx) + (image.getRGB(x0 + 1, y0) >> shift & 0xff) * fx;
            double b = (image.getRGB(x0, y0 + 1) >> shift & 0xff) * (1 - fx)
                       + (image.getRGB(x0 + 1, y0 + 1) >> shift & 0xff) * fx;
            c[k] = (int) Math.round(a * (1 - fy) + b * fy);
        }
        return c[0] << 16 | c[1] << 8 | c[2];
    }

    static int shade(int rgb, double factor) {
        return shade(rgb, factor, 0);
    }

    static int shade(int rgb, double factor, int add) {
        int r = clamp((int) ((rgb >> 16 & 0xff) * factor) + add);
        int g = clamp((int) ((rgb >> 8 & 0xff) * factor) + add);
        int b = clamp((int) ((rgb & 0xff) * factor) + add);
        return r << 16 | g << 8 | b;
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Three A5 pages: two scanned (images only, turned a little), the last one born digital (a text layer). */
    static byte[] deliveryNote() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < 2; p++) {
                BufferedImage scan = page(DELIVERY_NOTE.get(p), 12, p == 0 ? -0.8 : 0.6, 240);
                speckle(scan, 0.001, 31 + p);
                PDPage page = new PDPage(PDRectangle.A5);
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A5.getWidth(), PDRectangle.A5.getHeight());
                }
            }
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(19);
                content.newLineAtOffset(47, PDRectangle.A5.getHeight() - 68);
                for (String line : DELIVERY_NOTE.get(2)) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
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
}
