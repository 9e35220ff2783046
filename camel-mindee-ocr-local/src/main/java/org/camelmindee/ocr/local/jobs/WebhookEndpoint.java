package org.camelmindee.ocr.local.jobs;

import java.net.URI;
import java.util.Objects;

import org.camelmindee.ocr.model.MindeeIds;

/**
 * A webhook as Mindee's web app configures it on a model: an id that clients pass in {@code webhook_ids}, the URL the
 * results are POSTed to, and the secret their signature is keyed with. The secret never appears in {@link #toString()}.
 */
public record WebhookEndpoint(String id, URI url, String secret) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        if (!MindeeIds.isUuid(id)) { // clients validate webhook ids as UUIDs: refuse anything else up front
            throw new IllegalArgumentException("webhook " + id + ": the id must be a UUID");
        }
        if (secret.isEmpty()) { // an HMAC needs a key
            throw new IllegalArgumentException("webhook " + id + ": the secret is empty");
        }
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("webhook " + id + ": the URL must be http or https");
        }
    }

    /** Parses {@code ID=URL,SECRET}, the form of {@code --webhook} and {@code MINDEE_LOCAL_WEBHOOKS}. */
    public static WebhookEndpoint parse(String spec) {
        int eq = spec.indexOf('=');
        int comma = spec.lastIndexOf(',');
        if (eq <= 0 || comma < eq) {
            throw new IllegalArgumentException("a webhook is ID=URL,SECRET (the secret is not shown here)");
        }
        return new WebhookEndpoint(spec.substring(0, eq).trim(), URI.create(spec.substring(eq + 1, comma).trim()),
                spec.substring(comma + 1));
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", url=" + url + ", secret=****]";
    }
}
