package org.camelmindee.ocr.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Small files that cost a server a great deal to read: each one is made here, in memory, so that no hostile file sits
 * in the repository. Sizes in the comments are what these methods make.
 */
final class HostileDocuments {

    private HostileDocuments() {
    }

    /** A white 1-bit PNG of {@code width x height} pixels: 30000 x 30000 is 173 KB and 900 million pixels. */
    static byte[] hugePng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[1 + (width + 7) / 8];
            java.util.Arrays.fill(row, (byte) 0xff);
            row[0] = 0; // filter type none
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A one-page PDF whose MediaBox is {@code [0 0 width height]}: zero wide and a billion points high. */
    static byte[] pdfWithMediaBox(String width, String height) {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + width + " " + height + "] >>"));
    }

    /** A PDF whose page tree holds itself: the root {@code Pages} node lists itself among its kids. */
    static byte[] pageTreeCycle() {
        return pdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"));
    }

    /** A PDF of {@code pages} blank letter pages: 5,000 pages make about 51 KB with object streams. */
    static byte[] blankPdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.LETTER));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
            return out.toByteArray();
        }
    }

    /**
     * A multi-page TIFF of white 1-bit pages, every page's directory pointing at one shared uncompressed strip: 1,000
     * pages of 2048 x 2048 are 630 KB, and 4.2 GB once decoded to 8-bit grey.
     */
    static byte[] blankTiff(int pages, int width, int height) {
        int strip = (width + 7) / 8 * height;
        int entries = 8;
        int ifdSize = 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + strip + pages * ifdSize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8 + strip);
        tiff.position(8 + strip); // the strip: zeros, white when 0 is white
        for (int i = 0; i < pages; i++) {
            int next = i + 1 < pages ? tiff.position() + ifdSize : 0;
            tiff.putShort((short) entries);
            entry(tiff, 256, 4, width);      // ImageWidth
            entry(tiff, 257, 4, height);     // ImageLength
            entry(tiff, 258, 3, 1);          // BitsPerSample
            entry(tiff, 259, 3, 1);          // Compression: none
            entry(tiff, 262, 3, 0);          // PhotometricInterpretation: WhiteIsZero
            entry(tiff, 273, 4, 8);          // StripOffsets
            entry(tiff, 278, 4, height);     // RowsPerStrip
            entry(tiff, 279, 4, strip);      // StripByteCounts
            tiff.putInt(next);
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            tiff.putShort((short) value).putShort((short) 0);
        } else {
            tiff.putInt(value);
        }
    }

    /** A classic PDF (header, numbered objects, cross-reference table, trailer) of the given object bodies. */
    private static byte[] pdf(List<String> objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
