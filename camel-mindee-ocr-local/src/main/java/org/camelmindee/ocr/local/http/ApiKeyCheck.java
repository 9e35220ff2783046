package org.camelmindee.ocr.local.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.ErrorResponse;

/**
 * The {@code Authorization} header as Mindee checks it: the raw key, no scheme. A {@code Bearer} prefix is refused
 * with its own code, so that a client bug shows up here as it would against the cloud.
 */
final class ApiKeyCheck {

    private final byte[] expected;

    /** @param apiKey the key to require; null accepts any key (but a key must still be sent) */
    ApiKeyCheck(String apiKey) {
        this.expected = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The problem to answer, or null when the request may go on. */
    ErrorResponse check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Problems.missingCredentials();
        }
        String value = authorization.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Problems.bearerNotAccepted();
        }
        if (expected != null && !MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.UTF_8))) {
            return Problems.invalidApiKey();
        }
        return null;
    }
}
