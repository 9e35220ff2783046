package org.camelmindee.ocr.model;

import java.util.List;

/**
 * What one enqueue carries: the model, the document (bytes, a file, or an https URL for the server to fetch), and the
 * optional fields Mindee echoes back. The component sends it; the local engine reads one from each request.
 */
public record EnqueueRequest(String modelId, Document document, String filename, String alias, List<String> webhookIds) {

    public EnqueueRequest {
        webhookIds = webhookIds == null ? List.of() : List.copyOf(webhookIds);
    }
}
