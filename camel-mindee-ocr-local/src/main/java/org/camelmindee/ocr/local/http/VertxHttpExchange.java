package org.camelmindee.ocr.local.http;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.net.ssl.SSLSession;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;

/**
 * A request Vert.x has received in full, seen through the JDK's {@code HttpExchange}: the routes and the filters an
 * embedding application adds ({@code LocalMindeeServer.Builder#filter}) keep the interface they were written for. The
 * answer is collected in memory (the API's answers are small JSON documents) and handed to {@code onClose} when the
 * handler closes the exchange; a handler that closes it without sending headers asks for the connection to be dropped.
 * An {@code HttpsExchange} whatever the transport: {@link #getSSLSession()} is null on plain HTTP.
 */
final class VertxHttpExchange extends HttpsExchange {

    /** What the handler answered; {@code status} 0 when it sent nothing (drop the connection). */
    record Answer(int status, Headers headers, byte[] body) {
    }

    private final String method;
    private final URI uri;
    private final Headers requestHeaders;
    private final InputStream requestBody;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final SSLSession session;
    private final Consumer<Answer> onClose;
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private final Map<String, Object> attributes = new HashMap<>();
    private int status;
    private boolean closed;

    VertxHttpExchange(String method, URI uri, Headers requestHeaders, InputStream requestBody, InetSocketAddress local,
                      InetSocketAddress remote, SSLSession session, Consumer<Answer> onClose) {
        this.method = method;
        this.uri = uri;
        this.requestHeaders = requestHeaders;
        this.requestBody = requestBody;
        this.local = local;
        this.remote = remote;
        this.session = session;
        this.onClose = onClose;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(new Answer(status, responseHeaders, responseBody.toByteArray()));
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                responseBody.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                responseBody.write(b, off, len);
            }
        };
    }

    /** As the JDK's: {@code length} -1 means no body; the body is then whatever is written before close. */
    @Override
    public void sendResponseHeaders(int code, long length) {
        if (status != 0) {
            throw new IllegalStateException("headers already sent");
        }
        status = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status == 0 ? -1 : status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the request body is read from the spooled copy");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    @Override
    public SSLSession getSSLSession() {
        return session;
    }

    static Headers headersOf(io.vertx.core.MultiMap vertxHeaders) {
        Headers headers = new Headers();
        for (Map.Entry<String, String> header : vertxHeaders) {
            headers.add(header.getKey(), header.getValue());
        }
        return headers;
    }

    static void copy(Headers from, io.vertx.core.MultiMap to) {
        for (Map.Entry<String, List<String>> header : from.entrySet()) {
            to.set(header.getKey(), header.getValue());
        }
    }
}
