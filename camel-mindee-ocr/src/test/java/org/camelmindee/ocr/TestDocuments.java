package org.camelmindee.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Small real documents made by the tests themselves. */
final class TestDocuments {

    private TestDocuments() {
    }

    /** A real PNG with a line of text. */
    static byte[] png() {
        return png("Hello Camel");
    }

    /** A real PNG with this line of text: documents with other texts have other bytes, so other journal keys. */
    static byte[] png(String text) {
        BufferedImage image = new BufferedImage(200, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 60);
        g.setColor(Color.BLACK);
        g.drawString(text, 20, 35);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF-looking byte array of {@code size} bytes: a header Mindee's sniffing accepts, then padding. */
    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }
}
