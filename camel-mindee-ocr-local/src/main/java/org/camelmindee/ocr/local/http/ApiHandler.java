package org.camelmindee.ocr.local.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.ErrorResponse;

/**
 * What every route does before its own work, in the order the API does it: the method, the key, the rate limit.
 * Any failure becomes a problem document; nothing here waits for OCR.
 */
abstract class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    static final long QUEUE_FULL_RETRY_AFTER_SECONDS = 5;

    protected final RouteContext context;
    private final String method;

    ApiHandler(RouteContext context, String method) {
        this.context = context;
        this.method = method;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            handleChecked(exchange);
        } catch (ProblemException e) {
            HttpExchanges.drain(exchange, drainLimit());
            if ("429-002".equals(e.problem().code())) {
                // the queue is full: a worker frees a place within seconds (a page takes about one)
                exchange.getResponseHeaders().set("Retry-After", Long.toString(QUEUE_FULL_RETRY_AFTER_SECONDS));
            }
            HttpExchanges.sendProblem(exchange, e.problem());
        } catch (IOException e) {
            // the client went away mid-request: nothing to answer
            exchange.close();
        } catch (RuntimeException | Error e) {
            // answer whatever happened: an exchange left unanswered hangs the client until its timeout
            LOG.log(System.Logger.Level.ERROR, "request " + exchange.getRequestURI().getPath() + " failed", e);
            HttpExchanges.drain(exchange, drainLimit());
            HttpExchanges.sendProblem(exchange, Problems.internalError("The request failed ("
                    + e.getClass().getSimpleName() + ")."));
        }
    }

    // beyond this the connection is closed on the client; below it the client reads the problem
    private long drainLimit() {
        return Math.max(context.maxFileBytes() * 2, 256L * 1024 * 1024);
    }

    private void handleChecked(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!method.equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new ProblemException(Problems.methodNotAllowed(exchange.getRequestMethod()));
        }
        ErrorResponse denied = context.apiKeys().check(exchange.getRequestHeaders().getFirst("Authorization"));
        if (denied != null) {
            throw new ProblemException(denied);
        }
        RateLimiter limit = "POST".equals(method) ? context.postLimit() : context.getLimit();
        if (limit != null && !limit.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, limit.secondsUntilNext())));
            throw new ProblemException(Problems.tooManyRequests("More than " + limit.limit() + " "
                    + method + " requests a minute."));
        }
        serve(exchange);
    }

    /** The route's own work, once the request is allowed. */
    protected abstract void serve(HttpExchange exchange) throws IOException;

    /** The request's path without its trailing slash, if it has one. */
    static String path(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The last segment of the path after the route's prefix, or null when the path has another shape. */
    static String idAfter(HttpExchange exchange, String prefix) {
        String path = path(exchange);
        if (!path.startsWith(prefix)) {
            return null;
        }
        String id = path.substring(prefix.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }
}
