package org.camelmindee.ocr.model;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HMAC check alone: the raw body, the SDKs' CR/LF-free form, and everything that must not pass. */
class WebhookSignatureTest {

    private static final String SECRET = "s3cr\u00e9t+/= with spaces";
    private static final byte[] BODY = "{\r\n  \"inference\": {\"id\": \"a\"}\n}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void acceptsTheRawBodysSignatureKeyedWithTheSecretsUtf8Bytes() {
        String hex = sign(SECRET, BODY);
        assertEquals(hex, signature.signHex(BODY));
        assertTrue(signature.verify(BODY, hex));
        assertTrue(signature.verify(BODY, " " + hex + " "));
        assertTrue(signature.verify(BODY, hex.toUpperCase(Locale.ROOT)));
    }

    @Test
    void acceptsTheSignatureOfTheBodyWithoutCrAndLf() {
        byte[] stripped = "{  \"inference\": {\"id\": \"a\"}}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(stripped, WebhookSignature.stripLineBreaks(BODY));
        assertTrue(signature.verify(BODY, sign(SECRET, stripped)));
    }

    @Test
    void acceptsWhenOneOfSeveralHeaderValuesSigns() {
        assertTrue(signature.verify(BODY, List.of("00".repeat(32), sign(SECRET, BODY))));
    }

    @Test
    void refusesEverythingElse() {
        String hex = sign(SECRET, BODY);
        assertFalse(signature.verify(BODY, null));
        assertFalse(signature.verify(BODY, ""));
        assertFalse(signature.verify(BODY, List.of()));
        assertFalse(signature.verify(BODY, sign("s3cret", BODY)));
        assertFalse(signature.verify(BODY, hex.substring(1)));
        assertFalse(signature.verify(BODY, hex + "0"));
        assertFalse(signature.verify(BODY, "sha256=" + hex));
        assertFalse(signature.verify(BODY, hex.replace(hex.charAt(0), hex.charAt(0) == 'a' ? 'b' : 'a')));
        // non-ASCII digits are not hex, even where Java calls them digits
        assertFalse(signature.verify(BODY, "\u0663".repeat(64)));
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;
        assertFalse(signature.verify(tampered, hex));
        // a body whose only difference is a line break inside a value is another body for the raw form...
        byte[] moved = "{\r\n  \"inference\": {\"id\": \"a\"}}\n".getBytes(StandardCharsets.UTF_8);
        assertFalse(signature.verify(moved, hex));
        // ...and the same one for the SDK form, as the SDKs themselves decide
        assertTrue(signature.verify(moved, sign(SECRET, WebhookSignature.stripLineBreaks(BODY))));
    }

    @Test
    void anEmptySecretCannotBeUsed() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSignature(""));
        assertFalse(signature.toString().contains(SECRET));
    }

    /** The HMAC as the JDK computes it, independently of the class under test. */
    private static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
