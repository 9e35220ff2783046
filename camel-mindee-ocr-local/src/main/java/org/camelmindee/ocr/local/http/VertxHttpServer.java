package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.SocketAddress;

import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * The HTTP side of the server, on Vert.x: a connection costs no thread while it sends. Headers must arrive within
 * {@link HttpLimits#headerTimeout()} and the body within {@link HttpLimits#requestTimeout()}; the body is received
 * whole (a {@link SpooledBody}) before a request thread runs the route, so a client sending one byte a second holds a
 * socket, never a thread. A body over {@link HttpLimits#maxRequestBytes()} is answered 413 from its Content-Length
 * (or when it passes the limit), malformed requests get a problem document, never an HTML page.
 */
public final class VertxHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VertxHttpServer.class.getName());
    // how long a refused upload is read and dropped before its connection is closed
    private static final long DRAIN_MILLIS = 10_000;

    /** A route: the handler of every path that starts with {@code prefix}. */
    record Route(String prefix, HttpHandler handler) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpLimits limits;
    private final List<Route> routes;
    private final HttpHandler fallback;
    private final List<Filter> filters;
    private final ExecutorService requestThreads;
    private final boolean tls;
    private final AtomicInteger connections = new AtomicInteger();
    // the timer that closes a connection which has not sent its next request's headers in time
    private final Map<HttpConnection, Long> headerTimers = new ConcurrentHashMap<>();

    /**
     * Listens on {@code host:port} (0: a free port); with {@code keys}, HTTPS. Routes are tried longest prefix first;
     * {@code filters} run in front of the routes, not the fallback.
     */
    public VertxHttpServer(Vertx vertx, String host, int port, KeyManagerFactory keys, HttpLimits limits,
                           ApiRoutes routes, List<Filter> filters, ExecutorService requestThreads) throws IOException {
        this.vertx = vertx;
        this.limits = limits;
        this.routes = routes.routes().stream()
                .sorted((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length())).toList();
        this.fallback = routes.fallback();
        this.filters = List.copyOf(filters);
        this.requestThreads = requestThreads;
        this.tls = keys != null;
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setIdleTimeout((int) limits.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false) // the API is HTTP/1.1; a client's h2c upgrade offer is declined
                .setCompressionSupported(false)
                .setHandle100ContinueAutomatically(true);
        if (keys != null) {
            options.setSsl(true).setKeyCertOptions(KeyCertOptions.wrap(keys));
        }
        this.server = vertx.createHttpServer(options)
                .connectionHandler(this::connected)
                .invalidRequestHandler(this::invalid)
                .requestHandler(this::request);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting to listen", e);
        } catch (TimeoutException e) {
            throw new IOException("could not listen within 30 s", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** Open connections now (the hardening tests compare it before and after an attack). */
    public int connections() {
        return connections.get();
    }

    private void connected(HttpConnection connection) {
        if (connections.incrementAndGet() > limits.maxConnections()) {
            LOG.log(System.Logger.Level.WARNING, "{0} connections open: closing a new one", limits.maxConnections());
            connection.closeHandler(v -> connections.decrementAndGet());
            connection.close();
            return;
        }
        connection.closeHandler(v -> {
            connections.decrementAndGet();
            Long timer = headerTimers.remove(connection);
            if (timer != null) {
                vertx.cancelTimer(timer);
            }
        });
        awaitHeaders(connection);
    }

    // a client trickling its headers one byte a second is never idle: this timer closes it
    private void awaitHeaders(HttpConnection connection) {
        long timer = vertx.setTimer(limits.headerTimeout().toMillis(), id -> {
            if (headerTimers.remove(connection, id)) {
                connection.close();
            }
        });
        Long previous = headerTimers.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void request(HttpServerRequest request) {
        Long headerTimer = headerTimers.remove(request.connection());
        if (headerTimer != null) {
            vertx.cancelTimer(headerTimer);
        }
        HttpServerResponse response = request.response();
        response.endHandler(v -> {
            if (!response.closed()) {
                awaitHeaders(request.connection());
            }
        });
        String declared = request.getHeader("Content-Length");
        if (declared != null && request.getHeader("Transfer-Encoding") != null) {
            answerAndClose(request, Problems.badRequest("Send Content-Length or Transfer-Encoding, not both."));
            return;
        }
        long length = parseLength(declared);
        if (length > limits.maxRequestBytes()) {
            refuseAndDrain(request, tooLarge());
            return;
        }
        SpooledBody body = new SpooledBody(limits.maxRequestBytes());
        Context context = vertx.getOrCreateContext();
        long deadline = vertx.setTimer(limits.requestTimeout().toMillis(), id -> {
            body.close();
            answerAndClose(request, Problems.requestTimeout(limits.requestTimeout().toSeconds()));
        });
        request.handler(chunk -> {
            if (response.ended() || response.closed()) {
                return;
            }
            if (!body.append(chunk.getByteBuf().nioBuffer())) {
                vertx.cancelTimer(deadline);
                body.close();
                refuseAndDrain(request, tooLarge());
            }
        });
        request.exceptionHandler(e -> {
            vertx.cancelTimer(deadline);
            body.close();
        });
        request.endHandler(v -> {
            vertx.cancelTimer(deadline);
            if (response.ended() || response.closed()) {
                body.close();
                return;
            }
            dispatch(request, body, context);
        });
    }

    private ErrorResponse tooLarge() {
        return Problems.requestTooLarge("The request is larger than " + limits.maxRequestBytes() + " bytes, the"
                + " server's limit (option maxFileBytes / --max-file-mb sets it).");
    }

    private static long parseLength(String declared) {
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1; // Netty refuses a malformed Content-Length before it gets here
        }
    }

    /** Runs the route on a request thread, with the whole body in hand; answers on the connection's event loop. */
    private void dispatch(HttpServerRequest request, SpooledBody body, Context context) {
        URI uri;
        try {
            uri = new URI(request.uri());
        } catch (URISyntaxException e) {
            body.close();
            answerAndClose(request, Problems.badRequest("The request target is not a valid URI."));
            return;
        }
        HttpHandler handler = fallback;
        List<Filter> chainFilters = List.of();
        String path = uri.getPath() == null ? "" : uri.getPath();
        for (Route route : routes) {
            if (path.startsWith(route.prefix())) {
                handler = route.handler();
                chainFilters = filters;
                break;
            }
        }
        SocketAddress local = request.localAddress();
        SocketAddress remote = request.remoteAddress();
        InputStream in;
        try {
            in = body.open();
        } catch (IOException e) {
            body.close();
            answerAndClose(request, Problems.internalError("The request body could not be read back."));
            return;
        }
        VertxHttpExchange exchange = new VertxHttpExchange(request.method().name(), uri,
                VertxHttpExchange.headersOf(request.headers()), in,
                new InetSocketAddress(local.hostAddress(), local.port()),
                new InetSocketAddress(remote.hostAddress(), remote.port()),
                tls ? request.sslSession() : null,
                answer -> context.runOnContext(v -> send(request, answer)));
        HttpHandler route = handler;
        List<Filter> chain = chainFilters;
        try {
            requestThreads.execute(() -> {
                try (body; in) {
                    new Filter.Chain(chain, route).doFilter(exchange);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "request " + path + " failed", e);
                } finally {
                    exchange.close(); // a route that threw without answering: the connection is dropped
                }
            });
        } catch (RejectedExecutionException e) {
            body.close();
            answerAndClose(request, Problems.internalError("The server is stopping."));
        }
    }

    private void send(HttpServerRequest request, VertxHttpExchange.Answer answer) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (answer.status() == 0) {
            request.connection().close();
            return;
        }
        VertxHttpExchange.copy(answer.headers(), response.headers());
        response.headers().remove("Content-Length").remove("Transfer-Encoding");
        response.setStatusCode(answer.status());
        response.end(Buffer.buffer(answer.body()));
    }

    /** Malformed requests (Netty could not parse them): a problem document, then the connection is closed. */
    private void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ErrorResponse problem;
        if (cause instanceof TooLongFrameException && String.valueOf(cause.getMessage()).contains("header")) {
            problem = new ErrorResponse(431, "Request header fields too large",
                    "The request headers are larger than the server accepts.", "431-001");
        } else if (cause instanceof TooLongFrameException) {
            problem = new ErrorResponse(414, "URI too long", "The request line is longer than the server accepts.",
                    "414-001");
        } else {
            problem = Problems.badRequest("The request is not valid HTTP/1.1"
                    + (cause == null || cause.getMessage() == null ? "." : ": " + cause.getMessage()));
        }
        answerAndClose(request, problem);
    }

    /**
     * Answers while the client is still sending, then reads and drops what it sends, for a while, before closing: a
     * client that is still writing its upload when the connection closes sees a broken pipe, not the problem (and its
     * kernel may throw away the answer it had received). A body with a Content-Length is dropped to its end, within
     * {@link #DRAIN_MILLIS}: closing once the limit's worth was read left a client of a 6 MB upload to a 2 MB limit
     * without the answer now and then. A chunked body is dropped up to the limit's worth.
     */
    private void refuseAndDrain(HttpServerRequest request, ErrorResponse problem) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        HttpConnection connection = request.connection();
        long declared = parseLength(request.getHeader("Content-Length"));
        long dropAtMost = Math.max(declared, limits.maxRequestBytes());
        long[] dropped = {0};
        long grace = vertx.setTimer(DRAIN_MILLIS, id -> connection.close());
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > dropAtMost) {
                connection.close();
            }
        });
        request.endHandler(v -> {
            vertx.cancelTimer(grace);
            connection.close();
        });
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", HttpExchanges.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(MindeeJson.toBytes(problem)));
    }

    private static void answerAndClose(HttpServerRequest request, ErrorResponse problem) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", HttpExchanges.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close")
                .end(Buffer.buffer(MindeeJson.toBytes(problem)))
                .onComplete(done -> request.connection().close());
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the HTTP server", e);
        }
    }
}
