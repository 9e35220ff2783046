package org.camelmindee.ocr.local;

import java.net.URI;
import java.util.List;

/**
 * A valid enqueue form: the document is either already here ({@code document}, from {@code file} or
 * {@code file_base64}) or to be downloaded from {@code url} by the worker.
 */
record EnqueueRequest(String modelId, byte[] document, URI url, String filename, String alias, List<String> webhookIds) {
}
