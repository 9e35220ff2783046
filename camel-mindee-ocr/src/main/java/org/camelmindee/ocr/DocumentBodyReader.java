package org.camelmindee.ocr;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.journal.DocumentKeys;
import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.DocumentType;

/**
 * Turns an exchange's body into a {@link Document}, refusing before any network call what Mindee would refuse: an
 * empty body, a type it does not read, a file over 100 MB, a URL that is not https. Files stay on disk; streams are
 * kept in memory only when small, else spooled to a temporary file deleted when the exchange is done.
 */
final class DocumentBodyReader {

    static final int MAX_URL_LENGTH = 2048;
    private static final int IN_MEMORY_LIMIT = 1024 * 1024;

    private DocumentBodyReader() {
    }

    static Document read(Exchange exchange, String filename) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new MindeeOcrException("The message body is empty: send a document (byte[], InputStream, File, Path,"
                                         + " a file from file:, ftp: or sftp:) or an https:// URL as a String");
        }
        try {
            if (body instanceof String text) {
                return url(text.strip(), filename);
            }
            if (body instanceof byte[] bytes) {
                return bytes(bytes, filename);
            }
            if (body instanceof File file) {
                return file(file.toPath(), filename);
            }
            if (body instanceof Path path) {
                return file(path, filename);
            }
            if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
                return file(file.toPath(), filename);
            }
            if (body instanceof InputStream stream) {
                return stream(exchange, stream, filename);
            }
            InputStream stream = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
            if (stream == null) {
                throw new MindeeOcrException("Cannot read a document from a body of type " + body.getClass().getName()
                                             + ": convert it to byte[], InputStream or File before mindee-ocr");
            }
            return stream(exchange, stream, filename);
        } catch (IOException e) {
            throw new MindeeOcrException("Could not read the document from the message body: " + e.getMessage(), e);
        }
    }

    private static Document url(String text, String filename) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://")) {
            throw new MindeeOcrException("Mindee fetches only https:// URLs, and the body is an http:// URL: serve the"
                                         + " document over https, or send its bytes instead");
        }
        if (!lower.startsWith("https://")) {
            throw new MindeeOcrException("A String body must be an https:// URL for Mindee to fetch; to send a document"
                                         + " from text, convert it to byte[] first");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw new MindeeOcrException("The document URL is " + text.length() + " characters long; Mindee accepts at"
                                         + " most " + MAX_URL_LENGTH);
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new URISyntaxException(text, "no host");
            }
        } catch (URISyntaxException e) {
            throw new MindeeOcrException("The body is not a valid https:// URL (" + e.getReason()
                                         + "): check the address");
        }
        return Document.ofUrl(text, filename);
    }

    private static Document bytes(byte[] bytes, String filename) {
        if (bytes.length == 0) {
            throw new MindeeOcrException("The message body is an empty byte array: there is no document to read");
        }
        checkSize(bytes.length, filename);
        DocumentType type = sniff(bytes, bytes.length, filename);
        return Document.ofBytes(bytes, named(filename, type), type);
    }

    private static Document file(Path path, String filename) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new MindeeOcrException("The document file " + path + " does not exist or is not a regular file");
        }
        long size = Files.size(path);
        if (size == 0) {
            throw new MindeeOcrException("The document file " + path.getFileName() + " is empty");
        }
        String name = filename != null ? filename : path.getFileName().toString();
        checkSize(size, name);
        byte[] head = new byte[DocumentType.SNIFF_LENGTH];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        DocumentType type = sniff(head, n, name);
        return Document.ofFile(path, name, type);
    }

    private static Document stream(Exchange exchange, InputStream stream, String filename)
            throws IOException {
        try (InputStream in = stream) {
            byte[] head = in.readNBytes(IN_MEMORY_LIMIT);
            if (head.length == 0) {
                throw new MindeeOcrException("The message body is an empty stream: there is no document to read");
            }
            DocumentType type = sniff(head, head.length, filename);
            if (head.length < IN_MEMORY_LIMIT) {
                return Document.ofBytes(head, named(filename, type), type);
            }
            Path spool = Files.createTempFile("camel-mindee-ocr-", "." + type.extension());
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    try {
                        Files.deleteIfExists(spool);
                    } catch (IOException e) {
                        spool.toFile().deleteOnExit();
                    }
                }
            });
            // the journal's key is the SHA-256 of the bytes: computed as they pass, not by reading them again
            MessageDigest digest = DocumentKeys.digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
                out.write(head);
                long total = head.length;
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    checkSize(total, filename);
                    out.write(buffer, 0, n);
                }
            }
            return Document.ofFile(spool, named(filename, type), type).withSha256(DocumentKeys.hex(digest.digest()));
        }
    }

    private static void checkSize(long size, String filename) {
        if (size > Document.MAX_SIZE) {
            throw new MindeeOcrException(theDocument(filename) + " is over Mindee's limit of 100 MB (" + size / (1024 * 1024)
                                         + " MB read so far): split it or compress it before sending");
        }
    }

    private static DocumentType sniff(byte[] head, int length, String filename) {
        DocumentType type = DocumentType.sniff(head, length);
        if (type == null) {
            throw new MindeeOcrException(theDocument(filename) + " is none of the types Mindee reads (PDF, JPEG, PNG, WebP, TIFF,"
                                         + " HEIC/HEIF), judging by its first bytes: convert it, or filter such"
                                         + " files out before mindee-ocr");
        }
        return type;
    }

    /** "The document report.txt", so that a failed exchange says which file of a batch it was. */
    private static String theDocument(String filename) {
        return filename != null ? "The document " + filename : "The document";
    }

    private static String named(String filename, DocumentType type) {
        return filename != null ? filename : "document." + type.extension();
    }
}
