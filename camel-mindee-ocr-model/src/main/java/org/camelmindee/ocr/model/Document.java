package org.camelmindee.ocr.model;

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
    private final String sha256;

    private Document(byte[] bytes, Path file, String url, String filename, DocumentType type, String sha256) {
        this.bytes = bytes;
        this.file = file;
        this.url = url;
        this.filename = filename;
        this.type = type;
        this.sha256 = sha256;
    }

    public static Document ofBytes(byte[] bytes, String filename, DocumentType type) {
        return new Document(Objects.requireNonNull(bytes), null, null, filename, type, null);
    }

    public static Document ofFile(Path file, String filename, DocumentType type) {
        return new Document(null, Objects.requireNonNull(file), null, filename, type, null);
    }

    public static Document ofUrl(String url, String filename) {
        return new Document(null, null, Objects.requireNonNull(url), filename, null, null);
    }

    /** The same document, with the SHA-256 of its bytes (hex) computed while they were read. */
    public Document withSha256(String digest) {
        return new Document(bytes, file, url, filename, type, digest);
    }

    /** The SHA-256 of the bytes (hex) when it was computed while they were read, else null. */
    public String sha256() {
        return sha256;
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
