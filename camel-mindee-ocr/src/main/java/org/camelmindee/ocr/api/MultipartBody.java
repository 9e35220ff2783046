package org.camelmindee.ocr.api;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.EnqueueRequest;

/**
 * A {@code multipart/form-data} body whose file part is streamed from memory or disk, with a known length so that the
 * request carries a Content-Length.
 */
public final class MultipartBody {

    private final String boundary = "camel-mindee-ocr-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    /** The form of one enqueue: the model, the file or its URL, and the optional fields. */
    public static MultipartBody of(EnqueueRequest request) {
        Document document = request.document();
        MultipartBody body = new MultipartBody().field("model_id", request.modelId());
        if (document.isUrl()) {
            body.field("url", document.url());
        } else {
            body.file("file", document);
        }
        body.field("filename", request.filename());
        body.field("alias", request.alias());
        if (!request.webhookIds().isEmpty()) {
            body.field("webhook_ids", String.join(",", request.webhookIds()));
        }
        return body;
    }

    public MultipartBody field(String name, String value) {
        if (value != null) {
            parts.add(BodyPublishers.ofString(
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n",
                    StandardCharsets.UTF_8));
        }
        return this;
    }

    public MultipartBody file(String name, Document document) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + quote(document.filename()) + "\"\r\nContent-Type: " + document.type().mimeType() + "\r\n\r\n";
        parts.add(BodyPublishers.ofString(header, StandardCharsets.UTF_8));
        parts.add(content(document));
        parts.add(BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private static BodyPublisher content(Document document) {
        if (document.bytes() != null) {
            return BodyPublishers.ofByteArray(document.bytes());
        }
        try {
            return BodyPublishers.ofFile(document.file());
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("The document file " + document.file() + " is gone", e);
        }
    }

    /** Keeps a file name from breaking out of its quoted header value. */
    private static String quote(String filename) {
        return filename.replace("\\", "_").replace("\"", "_").replace("\r", "_").replace("\n", "_");
    }
}
