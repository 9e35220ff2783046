package org.camelmindee.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookFailure;
import org.camelmindee.ocr.model.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a webhook request must pass before anything is routed, in this order: the size cap, the signature, the JSON
 * (a result or a failure), and the duplicate check. Each refusal is counted and logged without the request's headers;
 * a delivery that passes is remembered as in flight until {@link #settle} confirms or forgets it.
 */
final class WebhookDeliveryChecks {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryChecks.class);

    private final String path;
    private final WebhookSignature signature;
    private final String signatureHeader;
    private final int maxPayloadSize;
    private final IdempotentRepository repository;
    private final MindeeOcrWebhookStatistics statistics;
    private final ObjectMapper mapper = MindeeJson.mapper();

    /** @param signature null to accept unsigned deliveries */
    WebhookDeliveryChecks(String path, WebhookSignature signature, String signatureHeader, int maxPayloadSize,
                          IdempotentRepository repository, MindeeOcrWebhookStatistics statistics) {
        this.path = path;
        this.signature = signature;
        this.signatureHeader = signatureHeader;
        this.maxPayloadSize = maxPayloadSize;
        this.repository = repository;
        this.statistics = statistics;
    }

    /** A delivery to route: the parsed result or failure, its inference id (null when it names none), the raw body. */
    record Delivery(OcrResponse result, WebhookFailure failure, String inferenceId, byte[] body) {
    }

    /** The verdict on one request: a delivery to route, or the answer that refuses it. */
    record Verdict(Delivery delivery, int status, String answer) {

        static Verdict refuse(int status, String answer) {
            return new Verdict(null, status, answer);
        }
    }

    Verdict check(Message request) {
        byte[] body;
        try {
            body = readBody(request, maxPayloadSize);
        } catch (IOException e) {
            LOG.debug("Could not read a webhook body on {}: {}", path, e.getMessage());
            statistics.refusedMalformed.increment();
            return Verdict.refuse(400, "Could not read the request body");
        }
        if (body == null) {
            LOG.warn("Refused a webhook on {} larger than webhookMaxPayloadSize ({} bytes): answered 413. Raise the"
                     + " option if Mindee's results for your documents are this large.", path, maxPayloadSize);
            statistics.refusedSize.increment();
            return Verdict.refuse(413, "Payload too large");
        }
        Object signatureValue = request.getHeader(signatureHeader);
        if (signature != null && !signature.verify(body, signatureValue)) {
            LOG.warn("Refused a webhook on {}: {} signature in header {} ({} bytes, from {}): answered 401", path,
                    signatureValue == null ? "no" : "a wrong", signatureHeader, body.length, remote(request));
            statistics.refusedSignature.increment();
            return Verdict.refuse(401, "Missing or invalid signature");
        }

        Delivery delivery;
        try {
            delivery = parse(body);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Refused a webhook on {}: {} ({} bytes): answered 400", path, e.getMessage(), body.length);
            statistics.refusedMalformed.increment();
            return Verdict.refuse(400, "Not a Mindee OCR result or failure");
        }

        String key = delivery.inferenceId();
        boolean first;
        try {
            first = key == null || repository.add(key);
        } catch (RuntimeException e) {
            LOG.warn("The idempotent repository failed for inference {}: answered 500 so that Mindee delivers again", key,
                    e);
            statistics.failed.increment();
            return Verdict.refuse(500, "Processing failed");
        }
        if (!first) {
            LOG.debug("Webhook for inference {} already routed (or in flight): answered 200 without routing", key);
            statistics.duplicates.increment();
            return Verdict.refuse(200, "Duplicate");
        }
        return new Verdict(delivery, 0, null);
    }

    /** Confirms a routed inference, or forgets a failed one so that Mindee's next delivery is routed. */
    void settle(Delivery delivery, boolean ok) {
        String key = delivery.inferenceId();
        if (key == null) {
            return;
        }
        try {
            if (ok) {
                repository.confirm(key);
            } else {
                repository.remove(key);
            }
        } catch (RuntimeException e) {
            LOG.warn("The idempotent repository failed to {} inference {}", ok ? "confirm" : "forget", key, e);
        }
    }

    /**
     * A result when it has an {@code inference} object, a failure when it has an {@code error} object or an
     * {@code inference_id}; anything else is refused.
     */
    private Delivery parse(byte[] body) throws IOException {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        try {
            if (tree.path("inference").isObject()) {
                OcrResponse result = mapper.treeToValue(tree, OcrResponse.class);
                return new Delivery(result, null, blankToNull(result.inference().id()), body);
            }
            // a failure names its inference; its problem document may be missing
            if (tree.path("error").isObject() || tree.path("inference_id").isTextual()) {
                WebhookFailure failure = mapper.treeToValue(tree, WebhookFailure.class);
                return new Delivery(null, failure, blankToNull(failure.inferenceId()), body);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a field has the wrong type: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException("the JSON has neither 'inference' (a result) nor 'error' or 'inference_id' (a"
                                           + " failure)");
    }

    /** The body's bytes, or null when it is larger than {@code max}. */
    static byte[] readBody(Message request, int max) throws IOException {
        if (declaredLength(request) > max) {
            return null;
        }
        Object body = request.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            InputStream in = request.getBody(InputStream.class);
            if (in != null) {
                try (InputStream stream = in) {
                    bytes = stream.readNBytes(max + 1);
                }
            } else {
                bytes = request.getBody(byte[].class);
                if (bytes == null) {
                    throw new IOException("cannot read a body of type " + body.getClass().getName());
                }
            }
        }
        return bytes.length > max ? null : bytes;
    }

    /** The Content-Length the sender declared, -1 when none or not a number. */
    private static long declaredLength(Message request) {
        Object value = request.getHeader(Exchange.CONTENT_LENGTH);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? -1 : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Object remote(Message request) {
        Object address = request.getHeader("CamelVertxPlatformHttpRemoteAddress");
        return address != null ? address : "an unknown address";
    }
}
