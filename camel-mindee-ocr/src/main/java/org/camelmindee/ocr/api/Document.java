package org.camelmindee.ocr.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document ready to enqueue: its bytes in memory or in a file (never a one-shot stream, so that an enqueue refused
 * with 429 can be sent again), or an https URL for Mindee to fetch.
 */
public final class Document {

    /** Mindee refuses files over 100 MB. */
    public static final long MAX_SIZE = 100L * 1024 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final String url;
    private final String filename;
    private final DocumentType type;

    private Document(byte[] bytes, Path file, String url, String filename, DocumentType type) {
        this.bytes = bytes;
        this.file = file;
        this.url = url;
        this.filename = filename;
        this.type = type;
    }

    public static Document ofBytes(byte[] bytes, String filename, DocumentType type) {
        return new Document(Objects.requireNonNull(bytes), null, null, filename, type);
    }

    public static Document ofFile(Path file, String filename, DocumentType type) {
        return new Document(null, Objects.requireNonNull(file), null, filename, type);
    }

    public static Document ofUrl(String url, String filename) {
        return new Document(null, null, Objects.requireNonNull(url), filename, null);
    }

    public boolean isUrl() {
        return url != null;
    }

    public String url() {
        return url;
    }

    /** The bytes in memory, or null when the document is a file or a URL. */
    public byte[] bytes() {
        return bytes;
    }

    /** The file, or null when the document is in memory or a URL. */
    public Path file() {
        return file;
    }

    public String filename() {
        return filename;
    }

    /** The sniffed type; null for a URL, which Mindee fetches and types itself. */
    public DocumentType type() {
        return type;
    }
}
