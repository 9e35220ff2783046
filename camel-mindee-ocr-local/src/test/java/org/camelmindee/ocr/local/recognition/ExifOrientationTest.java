package org.camelmindee.ocr.local.recognition;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    @Test
    void exifOrientationIsReadFromBothByteOrders() {
        assertEquals(6, ExifOrientation.of(jpegWithOrientation(true, 6)));
        assertEquals(8, ExifOrientation.of(jpegWithOrientation(false, 8)));
        assertEquals(1, ExifOrientation.of(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9 }));
        assertEquals(1, ExifOrientation.of(new byte[] { 1, 2, 3 }));
    }

    /** A JPEG header with an APP1 EXIF segment holding only the orientation tag. */
    static byte[] jpegWithOrientation(boolean littleEndian, int orientation) {
        byte[] tiff = new byte[26];
        tiff[0] = tiff[1] = (byte) (littleEndian ? 'I' : 'M');
        put16(tiff, 2, 42, littleEndian);
        put32(tiff, 4, 8, littleEndian);
        put16(tiff, 8, 1, littleEndian); // one entry
        put16(tiff, 10, 0x0112, littleEndian);
        put16(tiff, 12, 3, littleEndian); // SHORT
        put32(tiff, 14, 1, littleEndian);
        put16(tiff, 18, orientation, littleEndian);
        int length = 2 + 6 + tiff.length;
        byte[] jpeg = new byte[4 + length + 2];
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        jpeg[2] = (byte) 0xff;
        jpeg[3] = (byte) 0xe1;
        jpeg[4] = (byte) (length >> 8);
        jpeg[5] = (byte) length;
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, jpeg, 6, 6);
        System.arraycopy(tiff, 0, jpeg, 12, tiff.length);
        jpeg[jpeg.length - 2] = (byte) 0xff;
        jpeg[jpeg.length - 1] = (byte) 0xda;
        return jpeg;
    }

    private static void put16(byte[] b, int at, int v, boolean little) {
        b[at] = (byte) (little ? v : v >> 8);
        b[at + 1] = (byte) (little ? v >> 8 : v);
    }

    private static void put32(byte[] b, int at, int v, boolean little) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * (little ? i : 3 - i)));
        }
    }
}
