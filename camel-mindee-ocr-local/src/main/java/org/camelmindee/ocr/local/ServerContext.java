package org.camelmindee.ocr.local;

/** What the route handlers share: the configuration, the jobs, the workers, the key check and the rate limits. */
record ServerContext(
        ServerConfig config,
        JobStore jobs,
        OcrJobRunner runner,
        ApiKeyCheck apiKeys,
        RateLimiter postLimit,
        RateLimiter getLimit) {
}
