package org.camelmindee.ocr.local.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

import org.camelmindee.ocr.local.jobs.JobEntry;
import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.OcrResponse;

/**
 * {@code GET /v2/products/ocr/results/{inference_id}}: the OCR result; 404 when unknown, not ready, expired or deleted.
 * With delete-on-fetch the first successful answer deletes it.
 */
final class ResultHandler extends ApiHandler {

    static final String PREFIX = "/v2/products/ocr/results/";

    ResultHandler(RouteContext context) {
        super(context, "GET");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        String id = idAfter(exchange, PREFIX);
        JobEntry entry = id == null ? null : context.jobs().inference(id).orElse(null);
        OcrResponse result = entry == null ? null : entry.result();
        if (result == null) {
            throw new ProblemException(Problems.notFound("No result for inference " + id
                    + " (unknown, not processed yet, expired, or deleted after it was fetched)."));
        }
        HttpExchanges.sendJson(exchange, 200, result);
        if (context.deleteOnFetch()) {
            entry.deleteResult();
        }
    }
}
