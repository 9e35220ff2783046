package org.camelmindee.ocr;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Serves the routes on a real Vert.x HTTP server on loopback (what camel-platform-http-vertx gives a Camel Main
 * application) and posts to them as Mindee does.
 */
abstract class MindeeOcrWebhookTestSupport extends CamelTestSupport {

    static final String SECRET = "whsec-7Hq2-test-only";
    static final long MAX_BODY_SIZE = 8L * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        // what webhooks.md asks of a Camel Main server (camel.server.maxBodySize): Vert.x refuses a larger declared
        // Content-Length from the headers, before any of the body is read
        server.setMaxBodySize(MAX_BODY_SIZE);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    /** The signature Mindee sends, computed here independently of the component. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        return send(path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** Posts without a Content-Length (chunked), as a streaming client does. */
    HttpResponse<String> postChunked(String path, byte[] body, Map<String, String> headers) {
        return send(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    /**
     * Declares a Content-Length of {@code declared} bytes, sends 1 KB of it and waits up to 10 s for the status line:
     * a server that reads the whole body first never answers.
     */
    int statusForDeclaredLength(String path, long declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + "X-Signature: 00\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    HttpResponse<String> postSigned(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(path, bytes, Map.of("X-Signature", sign(SECRET, bytes)));
    }

    /** Posts the body with CRLF line ends, signed as the SDKs sign: over the body without CR and LF. */
    HttpResponse<String> postCrlfSdkSigned(String path, String body) {
        byte[] crlf = body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] stripped = body.replace("\n", "").getBytes(StandardCharsets.UTF_8);
        return post(path, crlf, Map.of("X-Signature", sign(SECRET, stripped)));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher publisher, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mindee-Webhooks/test")
                .POST(publisher);
        headers.forEach(request::setHeader);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
