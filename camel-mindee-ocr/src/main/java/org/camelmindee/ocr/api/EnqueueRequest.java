package org.camelmindee.ocr.api;

import java.util.List;

/** What one enqueue sends: the model, the document, and the optional fields Mindee echoes back. */
public record EnqueueRequest(String modelId, Document document, String filename, String alias, List<String> webhookIds) {

    public EnqueueRequest {
        webhookIds = webhookIds == null ? List.of() : List.copyOf(webhookIds);
    }

    MultipartBody toMultipart() {
        MultipartBody body = new MultipartBody().field("model_id", modelId);
        if (document.isUrl()) {
            body.field("url", document.url());
        } else {
            body.file("file", document);
        }
        body.field("filename", filename);
        body.field("alias", alias);
        if (!webhookIds.isEmpty()) {
            body.field("webhook_ids", String.join(",", webhookIds));
        }
        return body;
    }
}
