package org.camelmindee.ocr.local;

import java.nio.charset.StandardCharsets;

/**
 * The file types the API accepts, detected from the bytes: clients send every upload as
 * {@code application/octet-stream}, so neither the part's content type nor the file name can be trusted.
 */
public enum DocumentType {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png"),
    TIFF("image/tiff"),
    WEBP("image/webp"),
    HEIC("image/heic"),
    HEIF("image/heif");

    private final String mimeType;

    DocumentType(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The type by its magic number, or null when the bytes are none of the accepted types. */
    public static DocumentType detect(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return null;
        }
        if (startsWith(bytes, 0, "%PDF-") || pdfHeaderWithinFirstKilobyte(bytes)) {
            return PDF;
        }
        if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if ((bytes[0] & 0xff) == 0x89 && startsWith(bytes, 1, "PNG\r\n\u001a\n")) {
            return PNG;
        }
        if (startsWith(bytes, 0, "II*\u0000") || startsWith(bytes, 0, "MM\u0000*")) {
            return TIFF;
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(bytes, 4, "ftyp")) {
            // ISO base media file: the major brand says which still-image flavour it is
            String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
            switch (brand) {
                case "heic", "heix", "heim", "heis", "hevc", "hevx":
                    return HEIC;
                case "mif1", "msf1", "avif", "avis":
                    return HEIF;
                default:
                    return null;
            }
        }
        return null;
    }

    // PDF readers accept a header preceded by junk within the first kilobyte, and so do scanners' files
    private static boolean pdfHeaderWithinFirstKilobyte(byte[] bytes) {
        int limit = Math.min(bytes.length - 5, 1024);
        for (int i = 1; i < limit; i++) {
            if (bytes[i] == '%' && startsWith(bytes, i, "%PDF-")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        if (bytes.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
