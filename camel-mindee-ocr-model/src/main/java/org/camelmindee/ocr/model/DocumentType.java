package org.camelmindee.ocr.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The file types Mindee accepts, recognised from their first bytes: clients send every upload as
 * {@code application/octet-stream}, so neither a declared content type nor a file name can be trusted.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    TIFF("image/tiff", "tif"),
    HEIC("image/heic", "heic"),
    HEIF("image/heif", "heif");

    /** How many leading bytes {@link #sniff(byte[], int)} needs to tell every type apart. */
    public static final int SNIFF_LENGTH = 1024;

    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    // ISO base media files: the major brand says which still-image flavour it is (an MP4 video is none)
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs");
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

    private final String mimeType;
    private final String extension;

    DocumentType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The type of a whole document (only its first kilobyte is read), or null when it is none Mindee accepts. */
    public static DocumentType sniff(byte[] document) {
        return document == null ? null : sniff(document, document.length);
    }

    /** The type of a document from its first {@code length} bytes, or null when it is none Mindee accepts. */
    public static DocumentType sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (startsWith(head, n, PNG_MAGIC)) {
            return PNG;
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return TIFF;
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            return HEIC_BRANDS.contains(brand) ? HEIC : HEIF_BRANDS.contains(brand) ? HEIF : null;
        }
        // a PDF may carry a few bytes of junk before its header; readers accept it within the first kilobyte
        if (indexOf(head, Math.min(n, SNIFF_LENGTH), PDF_HEADER) >= 0) {
            return PDF;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int n, byte[] prefix) {
        return n >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] data, int from, int len) {
        return new String(data, from, len, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, int n, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= n; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
