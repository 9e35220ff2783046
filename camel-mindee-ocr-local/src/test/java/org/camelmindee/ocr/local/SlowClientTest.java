package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.http.HttpLimits;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * Clients that send their request one byte at a time, or never finish it, or send one that cannot be parsed: the
 * server keeps answering everybody else, closes them at its deadlines, and answers each with a problem document.
 */
class SlowClientTest {

    private static final int SLOW_CLIENTS = 64; // four times the request threads that 16 slow clients used to stop

    private LocalMindeeServer server;
    private TestHttp http;
    private ScheduledExecutorService trickle;

    @BeforeEach
    void start() {
        server = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .httpLimits(HttpLimits.defaults(100L * 1024 * 1024).withHeaderTimeout(Duration.ofSeconds(2))
                        .withRequestTimeout(Duration.ofSeconds(3)))
                .start();
        http = new TestHttp(server.baseUrl(), "md_any");
        trickle = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        trickle.shutdownNow();
        server.close();
    }

    @Test
    void clientsTricklingHeadersOrBodiesHoldNoThreadAndAreClosedAtTheDeadlines() throws Exception {
        List<Socket> slowHeaders = new ArrayList<>();
        List<Socket> slowBodies = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slowHeaders.add(trickling("GET /v2/search/models HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", "a"));
            slowBodies.add(trickling("POST /v2/products/ocr/enqueue HTTP/1.1\r\nHost: localhost\r\nAuthorization: k\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n", "x"));
        }
        // everybody else is served meanwhile, by the same 16 request threads the slow ones used to take
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.get("/v2/search/models").statusCode());
        }
        // the server closes the slow ones itself: the headers at their timeout, the bodies with a 408 problem
        for (Socket socket : slowHeaders) {
            Raw answer = readAll(socket);
            assertTrue(answer.closed(), "a client trickling its headers was left open");
        }
        for (Socket socket : slowBodies) {
            Raw answer = readAll(socket);
            assertTrue(answer.closed(), "a client trickling its body was left open");
            assertTrue(answer.text().startsWith("HTTP/1.1 408"), answer.text());
            assertEquals("408-001", answer.problem().get("code").asText());
        }
        assertEquals(200, http.get("/v2/search/models").statusCode());
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /v2/products/ocr/enqueue HTTP/1.1\r\nHost: localhost\r\nAuthorization: k\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000000\r\n\r\n");
            // answered at once, without waiting for the body (the connection stays open a while to drop an upload)
            Raw answer = readAnswer(socket);
            assertTrue(answer.text().startsWith("HTTP/1.1 413"), answer.text());
            assertEquals("413-001", answer.problem().get("code").asText());
        }
        assertEquals(200, http.get("/v2/search/models").statusCode());
    }

    @Test
    void requestsThatCannotBeParsedGetAProblemDocumentNotAnHtmlPage() throws Exception {
        String[] malformed = {
            "POST /v2/products/ocr/enqueue HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /v2/<script> HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /v2/search/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
            "NOT HTTP AT ALL\r\n\r\n",
        };
        for (String request : malformed) {
            try (Socket socket = connect()) {
                send(socket, request);
                Raw answer = readAll(socket);
                assertTrue(answer.text().matches("(?s)HTTP/1\\.[01] 4.*"), answer.text());
                assertTrue(answer.text().contains("application/problem+json"), answer.text());
                assertTrue(answer.problem().get("detail").asText().length() > 10, answer.text());
            }
        }
        assertEquals(200, http.get("/v2/search/models").statusCode());
    }

    private Socket trickling(String start, String oneByte) throws IOException {
        Socket socket = connect();
        send(socket, start);
        trickle.scheduleWithFixedDelay(() -> {
            try {
                send(socket, oneByte);
            } catch (IOException e) {
                throw new IllegalStateException("closed"); // ends this socket's schedule
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        return socket;
    }

    private Socket connect() throws IOException {
        URI base = URI.create(server.baseUrl());
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(30_000); // far beyond the server's deadlines: a read that times out means it held on
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** What the server sent until it closed the connection; {@code closed} false if it was still open after 30 s. */
    record Raw(String text, boolean closed) {
        JsonNode problem() throws IOException {
            int body = text.indexOf("\r\n\r\n");
            return MindeeJson.mapper().readTree(text.substring(body + 4));
        }
    }

    /** One answer: its headers and as many body bytes as its Content-Length says. */
    private static Raw readAnswer(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end > 0) {
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                        .matcher(text);
                if (length.find() && out.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                    return new Raw(text, false);
                }
            }
        }
        return new Raw(out.toString(StandardCharsets.ISO_8859_1), true);
    }

    private static Raw readAll(Socket socket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean closed;
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException e) {
            closed = true; // reset by the server
        }
        return new Raw(out.toString(StandardCharsets.ISO_8859_1), closed);
    }
}
