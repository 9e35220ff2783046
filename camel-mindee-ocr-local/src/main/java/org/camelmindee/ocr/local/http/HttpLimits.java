package org.camelmindee.ocr.local.http;

import java.time.Duration;

/**
 * What the HTTP front end allows a connection: these bound what a slow or hostile client can hold. A connection costs
 * no thread while it sends (Vert.x reads on an event loop); it costs a socket, a timer and up to
 * {@link SpooledBody#MEMORY_BYTES} of memory, the rest of a body going to a temporary file.
 *
 * @param headerTimeout   from the connection (or the end of its last answer) to the end of the request headers
 * @param requestTimeout  from the end of the headers to the end of the body: an upload slower than this fails with 408
 * @param idleTimeout     a connection that sends and receives nothing for this long is closed
 * @param maxConnections  open connections; one more is closed at once
 * @param maxRequestBytes the largest request body, multipart envelope included; a larger one is answered 413
 */
public record HttpLimits(Duration headerTimeout, Duration requestTimeout, Duration idleTimeout, int maxConnections,
                         long maxRequestBytes) {

    public HttpLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
        if (maxConnections < 1 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxConnections and maxRequestBytes must be positive");
        }
    }

    /** 10 s for the headers, 5 min for the body, 60 s idle, 1,024 connections, the file limit plus 1 MB of form. */
    public static HttpLimits defaults(long maxFileBytes) {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60), 1024,
                envelope(maxFileBytes));
    }

    /**
     * The request size that fits a file of {@code maxFileBytes}: sent as {@code file_base64} it takes 4/3 of its size,
     * plus the other fields and the multipart boundaries.
     */
    public static long envelope(long maxFileBytes) {
        return maxFileBytes / 3 * 4 + 8 + 1024 * 1024;
    }

    public HttpLimits withHeaderTimeout(Duration timeout) {
        return new HttpLimits(timeout, requestTimeout, idleTimeout, maxConnections, maxRequestBytes);
    }

    public HttpLimits withRequestTimeout(Duration timeout) {
        return new HttpLimits(headerTimeout, timeout, idleTimeout, maxConnections, maxRequestBytes);
    }

    public HttpLimits withIdleTimeout(Duration timeout) {
        return new HttpLimits(headerTimeout, requestTimeout, timeout, maxConnections, maxRequestBytes);
    }

    public HttpLimits withMaxConnections(int connections) {
        return new HttpLimits(headerTimeout, requestTimeout, idleTimeout, connections, maxRequestBytes);
    }

    public HttpLimits withMaxRequestBytes(long bytes) {
        return new HttpLimits(headerTimeout, requestTimeout, idleTimeout, maxConnections, bytes);
    }
}
