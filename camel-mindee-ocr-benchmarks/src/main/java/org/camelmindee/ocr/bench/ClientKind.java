package org.camelmindee.ocr.bench;

/** The clients the harness measures. */
enum ClientKind {
    /** mindee-ocr:ocr, polling with the component's schedule and budgets. */
    POLLING("component, polling"),
    /** mindee-ocr:enqueue with a webhook id, results received by mindee-ocr:webhook. */
    WEBHOOK("component, webhooks"),
    /** What the official Java SDK 5.x does: a thread per document, sleep 3 s, then a poll every 1.5 s, 100 polls. */
    SDK("SDK-style baseline");

    final String label;

    ClientKind(String label) {
        this.label = label;
    }
}
