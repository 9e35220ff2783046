package org.camelmindee.ocr.local.recognition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG: phones store pictures sideways and let viewers turn them, so the
 * page a user sees is the pixels turned as the tag says. 1 (or no tag) means upright.
 */
public final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    public static int of(byte[] jpeg) {
        try {
            return read(jpeg);
        } catch (RuntimeException e) {
            // a damaged EXIF block is common and harmless: the image is read as stored
            return 1;
        }
    }

    private static int read(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return 1;
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xff) != 0xff) {
                return 1;
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                pos += 2;
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                return 1; // start of scan: the metadata segments are over
            }
            int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            int segment = pos + 4;
            if (marker == 0xe1 && length >= 14 && b[segment] == 'E' && b[segment + 1] == 'x' && b[segment + 2] == 'i'
                    && b[segment + 3] == 'f' && b[segment + 4] == 0 && b[segment + 5] == 0) {
                return fromTiffHeader(b, segment + 6, pos + 2 + length);
            }
            pos += 2 + length;
        }
        return 1;
    }

    private static int fromTiffHeader(byte[] b, int tiff, int end) {
        ByteBuffer buffer = ByteBuffer.wrap(b).order(b[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff + buffer.getInt(tiff + 4);
        int entries = Short.toUnsignedInt(buffer.getShort(ifd));
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                break;
            }
            if (Short.toUnsignedInt(buffer.getShort(entry)) == TAG_ORIENTATION) {
                int value = Short.toUnsignedInt(buffer.getShort(entry + 8));
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }
}
