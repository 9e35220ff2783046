package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

import org.camelmindee.ocr.local.jobs.JobEntry;
import org.camelmindee.ocr.local.jobs.Timestamps;
import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.EnqueueRequest;
import org.camelmindee.ocr.model.JobResponse;

/** {@code POST /v2/products/ocr/enqueue}: reads and checks the form, queues the job, answers 202 with the job. */
final class EnqueueHandler extends ApiHandler {

    static final String PATH = "/v2/products/ocr/enqueue";

    private final EnqueueRequestReader reader;

    EnqueueHandler(RouteContext context) {
        super(context, "POST");
        this.reader = new EnqueueRequestReader(context);
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(path(exchange))) {
            throw new ProblemException(Problems.notFound("No route " + exchange.getRequestURI().getPath() + "."));
        }
        EnqueueRequest request;
        // not closed here on a problem: the caller drains what the client still sends, then answers
        InputStream body = exchange.getRequestBody();
        request = reader.read(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        body.close();
        // the inference id is the job id: Mindee's results route answers for the job id, and its official clients
        // fetch results with it (their getResult(job.id) after polling)
        String id = UUID.randomUUID().toString();
        JobEntry job = new JobEntry(id, id, request.modelId(),
                request.filename(), request.alias(), request.webhookIds(), Timestamps.now(context.clock()));
        context.jobs().add(job);
        try {
            context.runner().submit(job, request);
        } catch (ProblemException e) {
            context.jobs().remove(job);
            throw e;
        }
        HttpExchanges.sendJson(exchange, 202, new JobResponse(job.toJob(HttpExchanges.baseUrl(exchange,
                context.publicBaseUrl()))));
    }
}
