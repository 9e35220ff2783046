package org.camelmindee.ocr.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature Mindee puts on a webhook: the lower-case hex HMAC-SHA256 of the request body, keyed with the
 * secret's UTF-8 bytes. The official SDKs hash the body with every CR and LF removed, so a signature of that form is
 * accepted too. Comparisons take the same time whatever the bytes. The component checks webhooks with it; the local
 * engine signs the ones it sends.
 */
public final class WebhookSignature {

    /** The header Mindee puts the signature in. */
    public static final String HEADER = "X-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private final SecretKeySpec key;

    /** @param secret the webhook's signing secret, not empty */
    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Whether one of the header's values signs the body, as sent or with CR and LF removed.
     *
     * @param headerValue the signature header as the HTTP server gave it: null, a String, or several values
     */
    public boolean verify(byte[] body, Object headerValue) {
        List<byte[]> signatures = decode(headerValue);
        if (signatures.isEmpty()) {
            return false;
        }
        byte[] raw = sign(body);
        byte[] withoutLineBreaks = stripLineBreaks(body);
        byte[] stripped = withoutLineBreaks.length < body.length ? sign(withoutLineBreaks) : null;
        boolean match = false;
        for (byte[] signature : signatures) {
            // evaluate both, so that the time taken does not tell which form matched
            boolean rawMatch = MessageDigest.isEqual(raw, signature);
            boolean strippedMatch = stripped != null && MessageDigest.isEqual(stripped, signature);
            match |= rawMatch | strippedMatch;
        }
        return match;
    }

    /** The signature of a body, in lower-case hex, as Mindee sends it. */
    public String signHex(byte[] body) {
        return HexFormat.of().formatHex(sign(body));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is a required algorithm of every Java platform
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The header's values that are well-formed signatures (64 hex digits, either case), as bytes. */
    private static List<byte[]> decode(Object headerValue) {
        if (headerValue == null) {
            return List.of();
        }
        Collection<?> values = headerValue instanceof Collection<?> c ? c
                : headerValue instanceof Object[] array ? List.of(array) : List.of(headerValue);
        return values.stream()
                .filter(Objects::nonNull)
                .map(v -> v.toString().strip())
                .filter(WebhookSignature::isHex64)
                .map(v -> HexFormat.of().parseHex(v))
                .toList();
    }

    private static boolean isHex64(String value) {
        return value.length() == SIGNATURE_HEX_LENGTH && value.chars().allMatch(HexFormat::isHexDigit);
    }

    /** The body as the official SDKs hash it: every CR and LF removed. */
    public static byte[] stripLineBreaks(byte[] body) {
        byte[] out = new byte[body.length];
        int n = 0;
        for (byte b : body) {
            if (b != '\r' && b != '\n') {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSignature[HmacSHA256]";
    }
}
