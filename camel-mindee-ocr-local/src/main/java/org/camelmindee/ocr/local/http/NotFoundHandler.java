package org.camelmindee.ocr.local.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.camelmindee.ocr.local.problem.Problems;

/** Any other path: a 404 problem document, so that clients never meet an HTML error page. */
final class NotFoundHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpExchanges.drain(exchange, 256L * 1024 * 1024);
        HttpExchanges.sendProblem(exchange, Problems.notFound("No route " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath() + "."));
    }
}
