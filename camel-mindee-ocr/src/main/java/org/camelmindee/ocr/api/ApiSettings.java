package org.camelmindee.ocr.api;

import java.time.Duration;

/**
 * What one endpoint's calls need: where, with which key, how long a request may take, how often to retry. The key
 * is never printed.
 */
public record ApiSettings(String baseUrl, String apiKey, Duration requestTimeout, int maxRetries) {

    @Override
    public String toString() {
        return "ApiSettings[baseUrl=" + baseUrl + ", apiKey=xxxxxx, requestTimeout=" + requestTimeout
               + ", maxRetries=" + maxRetries + "]";
    }
}
