package org.camelmindee.ocr.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.camelmindee.ocr.model.Document;

/**
 * A document's key in the journal: its alias when the route gives one (the route's own id for it), else the SHA-256
 * of its bytes (or of its URL). Scoped by model, since the same document sent to two models is two jobs.
 */
public final class DocumentKeys {

    private DocumentKeys() {
    }

    public static String ofAlias(String modelId, String alias) {
        return modelId + "/alias:" + alias;
    }

    public static String ofDigest(String modelId, String sha256) {
        return modelId + "/sha256:" + sha256;
    }

    public static String ofUrl(String modelId, String url) {
        return modelId + "/url-sha256:" + hex(digest().digest(url.getBytes(StandardCharsets.UTF_8)));
    }

    /** The key of a document: its alias when set, else the SHA-256 of its bytes (read again only if not yet known). */
    public static String of(String modelId, String alias, Document document) throws IOException {
        if (alias != null && !alias.isBlank()) {
            return ofAlias(modelId, alias);
        }
        if (document.isUrl()) {
            return ofUrl(modelId, document.url());
        }
        if (document.sha256() != null) {
            return ofDigest(modelId, document.sha256());
        }
        return ofDigest(modelId, document.bytes() != null ? sha256(document.bytes()) : sha256(document.file()));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    public static String sha256(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** Reads the file once, in blocks; the caller reads it from disk anyway to upload it. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
