package org.camelmindee.ocr.local;

import static org.bytedeco.leptonica.global.leptonica.*;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.PIXA;
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

    /** The pages of an image file, upright and in 8-bit grey. */
    static List<PIX> decode(byte[] bytes, DocumentType type) {
        switch (type) {
            case HEIC, HEIF:
                throw new ProblemException(Problems.unreadableDocument(
                        "HEIC/HEIF images cannot be decoded by the local engine (no HEVC decoder is bundled):"
                                + " convert the image to JPEG or PNG and send it again."));
            case TIFF:
                return decodeTiff(bytes);
            default:
                PIX pix = pixReadMem(bytes, bytes.length);
                if (pix == null) {
                    throw new ProblemException(Problems.unreadableDocument(
                            "The " + type.mimeType() + " image is corrupt or uses an encoding that cannot be decoded."));
                }
                PIX gray = toGray(pix);
                return List.of(type == DocumentType.JPEG ? orient(gray, ExifOrientation.of(bytes)) : gray);
        }
    }

    private static List<PIX> decodeTiff(byte[] bytes) {
        PIXA pixa = pixaReadMemMultipageTiff(bytes, bytes.length);
        if (pixa == null || pixaGetCount(pixa) == 0) {
            if (pixa != null) {
                pixaDestroy(pixa);
            }
            throw new ProblemException(Problems.unreadableDocument("The TIFF image is corrupt or cannot be decoded."));
        }
        List<PIX> pages = new ArrayList<>();
        try {
            for (int i = 0; i < pixaGetCount(pixa); i++) {
                pages.add(toGray(pixaGetPix(pixa, i, L_COPY)));
            }
        } finally {
            pixaDestroy(pixa);
        }
        return pages;
    }

    /** Converts to 8-bit grey without a colour map, flattening transparency onto white; frees the input. */
    static PIX toGray(PIX pix) {
        if (pixGetDepth(pix) == 8 && pix.colormap() == null) {
            return pix;
        }
        PIX opaque = pixGetDepth(pix) == 32 ? pixRemoveAlpha(pix) : pixClone(pix);
        PIX gray = pixConvertTo8(opaque, 0);
        pixDestroy(opaque);
        pixDestroy(pix);
        if (gray == null) {
            throw new ProblemException(Problems.unreadableDocument("The image uses a pixel format that cannot be read."));
        }
        return gray;
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
