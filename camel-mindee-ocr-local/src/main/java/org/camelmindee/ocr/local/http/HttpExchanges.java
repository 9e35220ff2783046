package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;

import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.MindeeJson;

/** Small helpers for answering with the API's JSON and reading what the request says about itself. */
final class HttpExchanges {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private HttpExchanges() {
    }

    /**
     * Reads what is left of the request body, up to a limit, before an early answer (a wrong key, a full queue, a
     * field found wrong halfway through the upload): a client still sending its file would otherwise see the
     * connection reset instead of the problem document.
     */
    static void drain(HttpExchange exchange, long limit) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < limit && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client is gone already: nothing to protect
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, MindeeJson.toBytes(body));
    }

    static void sendProblem(HttpExchange exchange, ErrorResponse problem) throws IOException {
        send(exchange, problem.status(), PROBLEM_JSON, MindeeJson.toBytes(problem));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * The scheme and authority for absolute URLs: the configured public base URL when there is one; otherwise what the
     * client used, the Host header (or a proxy's X-Forwarded-Host and X-Forwarded-Proto), else the address the request
     * came in on.
     */
    static String baseUrl(HttpExchange exchange, URI publicBaseUrl) {
        if (publicBaseUrl != null) {
            return publicBaseUrl.toString();
        }
        String scheme = exchange instanceof HttpsExchange secure && secure.getSSLSession() != null ? "https" : "http";
        String forwardedProto = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
        if (forwardedProto != null && forwardedProto.matches("(?i)https?")) {
            scheme = forwardedProto.toLowerCase(java.util.Locale.ROOT);
        }
        String host = exchange.getRequestHeaders().getFirst("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = exchange.getRequestHeaders().getFirst("Host");
        }
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:_]+")) {
            InetSocketAddress local = exchange.getLocalAddress();
            String address = local.getAddress().getHostAddress();
            host = (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
        }
        return scheme + "://" + host.strip();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
