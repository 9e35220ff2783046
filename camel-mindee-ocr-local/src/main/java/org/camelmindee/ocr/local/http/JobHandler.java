package org.camelmindee.ocr.local.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

import org.camelmindee.ocr.local.jobs.JobEntry;
import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.JobResponse;

/**
 * {@code GET /v2/jobs/{id}}: 200 while the job is processing or failed; once processed a 302 to the result that
 * carries the job as its body too (the Node client reads the body, not the Location); {@code ?redirect=false} always
 * answers 200.
 */
final class JobHandler extends ApiHandler {

    static final String PREFIX = "/v2/jobs/";

    JobHandler(RouteContext context) {
        super(context, "GET");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        String id = idAfter(exchange, PREFIX);
        JobEntry entry = id == null ? null : context.jobs().job(id).orElse(null);
        if (entry == null) {
            throw new ProblemException(Problems.notFound("No job with id " + id + " (unknown, or expired)."));
        }
        Job job = entry.toJob(HttpExchanges.baseUrl(exchange, context.publicBaseUrl()));
        boolean redirect = !"false".equalsIgnoreCase(HttpExchanges.query(exchange.getRequestURI()).get("redirect"));
        if (job.isProcessed() && redirect) {
            exchange.getResponseHeaders().set("Location", job.resultUrl());
            HttpExchanges.sendJson(exchange, 302, new JobResponse(job));
        } else {
            HttpExchanges.sendJson(exchange, 200, new JobResponse(job));
        }
    }
}
