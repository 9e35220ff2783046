package org.camelmindee.ocr.local.recognition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The page sizes of a TIFF, read from its image file directories without decoding a pixel, so that a file of a few
 * hundred kilobytes declaring thousands of pages is refused before the first one is decoded. Classic TIFF only (what
 * Leptonica reads); stops at a directory seen before (a loop) and after {@code limit} pages.
 */
final class TiffDirectories {

    private static final int IMAGE_WIDTH = 256;
    private static final int IMAGE_LENGTH = 257;
    private static final int SHORT = 3;

    private TiffDirectories() {
    }

    /** Width and height of each page, at most {@code limit} of them; null when the bytes are not a readable TIFF. */
    static List<long[]> pageSizes(byte[] tiff, int limit) {
        try {
            ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            if (Short.toUnsignedInt(b.getShort(2)) != 42) {
                return null;
            }
            List<long[]> pages = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            long ifd = Integer.toUnsignedLong(b.getInt(4));
            while (ifd != 0 && pages.size() < limit && seen.add(ifd)) {
                int at = Math.toIntExact(ifd);
                int entries = Short.toUnsignedInt(b.getShort(at));
                long width = 0;
                long height = 0;
                for (int i = 0; i < entries; i++) {
                    int entry = at + 2 + i * 12;
                    int tag = Short.toUnsignedInt(b.getShort(entry));
                    if (tag == IMAGE_WIDTH || tag == IMAGE_LENGTH) {
                        long value = Short.toUnsignedInt(b.getShort(entry + 2)) == SHORT
                                ? Short.toUnsignedInt(b.getShort(entry + 8))
                                : Integer.toUnsignedLong(b.getInt(entry + 8));
                        if (tag == IMAGE_WIDTH) {
                            width = value;
                        } else {
                            height = value;
                        }
                    }
                }
                pages.add(new long[] {width, height});
                ifd = Integer.toUnsignedLong(b.getInt(at + 2 + entries * 12));
            }
            return pages;
        } catch (RuntimeException e) {
            return null; // an offset out of the file: Leptonica will call it corrupt
        }
    }
}
