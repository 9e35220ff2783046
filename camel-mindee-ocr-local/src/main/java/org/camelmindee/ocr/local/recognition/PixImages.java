package org.camelmindee.ocr.local.recognition;

import static org.bytedeco.leptonica.global.leptonica.*;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.leptonica.PIX;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.DocumentType;

/**
 * Leptonica images in and out of the JVM: decoding the accepted image types (every page of a TIFF, the EXIF
 * orientation of a JPEG) into 8-bit grey pages, and handing PDFBox renderings to Leptonica without re-encoding them.
 * Every PIX returned is owned by the caller, who destroys it.
 */
final class PixImages {

    static {
        // Leptonica writes warnings about harmless oddities of real files to stderr
        setMsgSeverity(L_SEVERITY_NONE);
    }

    private PixImages() {
    }

    /**
     * The pages of an image file, checked against the limits from the file's headers before any is decoded, then
     * decoded one at a time (a 1,000-page TIFF holds one page in memory, not a thousand).
     */
    static Pages open(byte[] bytes, DocumentType type, DocumentLimits limits) {
        switch (type) {
            case HEIC, HEIF:
                throw new ProblemException(Problems.unreadableDocument(
                        "HEIC/HEIF images cannot be decoded by the local engine (no HEVC decoder is bundled):"
                                + " convert the image to JPEG or PNG and send it again."));
            case TIFF:
                return new TiffPages(bytes, limits);
            default:
                int[] format = new int[1];
                int[] width = new int[1];
                int[] height = new int[1];
                if (pixReadHeaderMem(bytes, bytes.length, format, width, height, new int[1], new int[1], new int[1])
                        != 0) {
                    throw corrupt(type);
                }
                limits.checkPage(0, width[0], height[0]);
                limits.checkDocument((long) width[0] * height[0]);
                return new SingleImage(bytes, type);
        }
    }

    /** Pages decoded on demand, in order; each {@link #next()} is the caller's to destroy. */
    interface Pages extends AutoCloseable {
        int count();

        PIX next();

        @Override
        void close();
    }

    private static ProblemException corrupt(DocumentType type) {
        return new ProblemException(Problems.unreadableDocument(
                "The " + type.mimeType() + " image is corrupt or uses an encoding that cannot be decoded."));
    }

    private record SingleImage(byte[] bytes, DocumentType type) implements Pages {
        @Override
        public int count() {
            return 1;
        }

        @Override
        public PIX next() {
            PIX pix = pixReadMem(bytes, bytes.length);
            if (pix == null) {
                throw corrupt(type);
            }
            PIX gray = toGray(pix);
            return type == DocumentType.JPEG ? orient(gray, ExifOrientation.of(bytes)) : gray;
        }

        @Override
        public void close() {
        }
    }

    /** A TIFF read page after page from one native copy of the file. */
    private static final class TiffPages implements Pages {
        private final int count;
        private final long length;
        private final BytePointer data;
        private final SizeTPointer offset = new SizeTPointer(1);

        TiffPages(byte[] bytes, DocumentLimits limits) {
            List<long[]> sizes = TiffDirectories.pageSizes(bytes, limits.maxPages() + 1);
            if (sizes == null || sizes.isEmpty()) {
                offset.close();
                throw new ProblemException(Problems.unreadableDocument("The TIFF image is corrupt or cannot be decoded"
                        + " (BigTIFF is not read)."));
            }
            limits.checkPages(sizes.size());
            long total = 0;
            for (int i = 0; i < sizes.size(); i++) {
                limits.checkPage(i, sizes.get(i)[0], sizes.get(i)[1]);
                total += sizes.get(i)[0] * sizes.get(i)[1];
            }
            limits.checkDocument(total);
            this.count = sizes.size();
            this.length = bytes.length;
            this.data = new BytePointer(bytes);
            offset.put(0L);
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public PIX next() {
            PIX page = pixReadMemFromMultipageTiff(data, length, offset);
            if (page == null) {
                throw new ProblemException(Problems.unreadableDocument("The TIFF image is corrupt or cannot be"
                        + " decoded."));
            }
            return toGray(page);
        }

        @Override
        public void close() {
            data.close();
            offset.close();
        }
    }

    /** Converts to 8-bit grey without a colour map, flattening transparency onto white; frees the input. */
    static PIX toGray(PIX pix) {
        if (pixGetDepth(pix) == 8 && pix.colormap() == null) {
            return pix;
        }
        PIX opaque = pixGetDepth(pix) == 32 && pixGetSpp(pix) == 4 ? pixRemoveAlpha(pix) : pix;
        PIX gray = pixConvertTo8(opaque, 0);
        if (opaque != pix) {
            pixDestroy(opaque);
        }
        if (gray == null) {
            pixDestroy(pix);
            throw new ProblemException(Problems.unreadableDocument("The image uses a pixel format that cannot be read."));
        }
        return consume(pix, gray);
    }

    /**
     * Frees {@code source} now that {@code result} was made from it. Leptonica returns a clone where nothing had to
     * change, and JavaCPP hands a clone back as the same Java object: destroying it would null the result too. Then
     * only the reference the clone took is given back.
     */
    static PIX consume(PIX source, PIX result) {
        if (result == source) {
            try (PointerPointer<PIX> reference = new PointerPointer<>(source)) {
                pixDestroy(reference);
            }
        } else {
            pixDestroy(source);
        }
        return result;
    }

    /** Turns the pixels as the EXIF orientation says (1..8); frees the input when it makes a new image. */
    static PIX orient(PIX pix, int orientation) {
        PIX out;
        switch (orientation) {
            case 2 -> out = pixFlipLR(null, pix);
            case 3 -> out = pixRotateOrth(pix, 2);
            case 4 -> out = pixFlipTB(null, pix);
            case 5 -> out = flipLrAndFree(pixRotateOrth(pix, 1));
            case 6 -> out = pixRotateOrth(pix, 1);
            case 7 -> out = flipTbAndFree(pixRotateOrth(pix, 1));
            case 8 -> out = pixRotateOrth(pix, 3);
            default -> {
                return pix;
            }
        }
        pixDestroy(pix);
        return out;
    }

    private static PIX flipLrAndFree(PIX pix) {
        PIX out = pixFlipLR(null, pix);
        pixDestroy(pix);
        return out;
    }

    private static PIX flipTbAndFree(PIX pix) {
        PIX out = pixFlipTB(null, pix);
        pixDestroy(pix);
        return out;
    }

    /** An 8-bit grey PIX holding the image's luminance (PDFBox renders {@code TYPE_BYTE_GRAY}). */
    static PIX fromBufferedImage(BufferedImage image, int dpi) {
        BufferedImage gray = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            gray.getGraphics().drawImage(image, 0, 0, null);
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        PIX pix = pixCreate(width, height, 8);
        int wpl = pixGetWpl(pix);
        int[] words = new int[wpl * height];
        byte[] row = new byte[width];
        Raster raster = gray.getRaster();
        for (int y = 0; y < height; y++) {
            raster.getDataElements(0, y, width, 1, row);
            int base = y * wpl;
            // Leptonica keeps 8-bit pixels most significant byte first within each 32-bit word
            for (int x = 0; x < width; x++) {
                words[base + (x >> 2)] |= (row[x] & 0xff) << (24 - 8 * (x & 3));
            }
        }
        pixGetData(pix).put(words);
        pixSetResolution(pix, dpi, dpi);
        return pix;
    }
}
