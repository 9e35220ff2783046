package org.camelmindee.ocr.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Documents for the benchmarks: for the simulated server's scenarios, the PNG signature then filler (it reads only the
 * type); for the local engine, real pages that Tesseract reads.
 */
final class Documents {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    private static final List<String> LETTER = List.of(
            "DELIVERY NOTE 2026-0412",
            "Deliver to: Harbourside Stores, 7 Quay Street, Bristol BS1 4DJ",
            "Dispatched: 3 March 2026    Carrier: Westway Haulage, van 14",
            "Two dozen plump jackdaws quickly vexed the big sphinx of quartz.",
            "Article                       Ordered    Delivered    Back order",
            "Oak shelving, 90 cm                 8            8             0",
            "Brass hinges (bag of 20)           15           12             3",
            "Wood glue, 1 litre                  6            6             0",
            "Received in good condition, signed for by the store manager.",
            "Report damage within 48 hours to claims@westway.example.",
            "Thank you for your order.");

    private Documents() {
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[Math.max(size, PNG_SIGNATURE.length)];
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        for (int i = PNG_SIGNATURE.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** A file of {@code size} bytes written in 1 MB pieces (never whole in memory). */
    static File pngFile(long size) throws IOException {
        File file = File.createTempFile("mindee-bench-", ".png");
        file.deleteOnExit();
        byte[] chunk = png(1 << 20);
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
            long left = size;
            boolean first = true;
            while (left > 0) {
                int n = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, n);
                left -= n;
                if (first) {
                    for (int i = 0; i < 29; i++) {
                        chunk[i] = (byte) (i * 31);
                    }
                    first = false;
                }
            }
        }
        return file;
    }

    /** A PDF of {@code pages} empty pages: nothing to read, but the engine renders and preprocesses every one. */
    static byte[] blankPdf(int pages, PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(size));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A typed US letter page scanned at 300 dpi (8-bit grey PNG), eleven lines of 12-point text. */
    static byte[] letterPng() throws IOException {
        BufferedImage page = new BufferedImage(2550, 3300, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(liberationSans(12 * 300 / 72f));
        for (int line = 0; line < LETTER.size(); line++) {
            g.drawString(LETTER.get(line), 300, 400 + line * 96);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        return png.toByteArray();
    }

    /** The Liberation Sans that PDFBox carries: the same page on a machine without system fonts. */
    private static Font liberationSans(float pixels) throws IOException {
        try (InputStream in = PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(pixels);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }
}
