package org.camelmindee.ocr.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mindee's webhook signature: lower-case hex HMAC-SHA256 of the request body, keyed with the secret's UTF-8 bytes. */
public final class WebhookSignature {

    /** The header Mindee puts the signature in. */
    public static final String HEADER = "X-Signature";

    private WebhookSignature() {
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
