package org.camelmindee.ocr.examples;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.MindeeOcrException;

/**
 * The webhook flow, two routes: the first enqueues each document with a webhook id and goes on at once; Mindee POSTs
 * the result, signed, to the second, {@code mindee-ocr:webhook} (served by platform-http: camel-platform-http-vertx on
 * Camel Main). The document's name travels as the alias, so the result knows where to go.
 * <p>
 * Properties: {@code webhook.inbox}, {@code webhook.outbox}, {@code mindee.webhook-id} (the webhook's id on the model
 * in Mindee's web app), {@code mindee.webhook-secret} (its signing secret).
 */
public class WebhookRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{webhook.inbox}}?antInclude={{ocr.documents}}&antFilterCaseSensitive=false&move=.done&moveFailed=.failed")
                .routeId("ocr-enqueue")
                .setHeader(MindeeOcrConstants.ALIAS, simple("${file:onlyname.noext}"))
                .to("mindee-ocr:enqueue?webhookIds={{mindee.webhook-id}}")
                .log("${header.CamelFileName} is job ${header.CamelMindeeOcrJobId}; its result comes by webhook");

        from("mindee-ocr:webhook?webhookPath=/mindee/ocr&webhookSecret={{mindee.webhook-secret}}")
                .routeId("ocr-webhook")
                .onException(MindeeOcrException.class).handled(true)
                    .log(LoggingLevel.WARN, "Mindee could not read ${header.CamelMindeeOcrAlias}: ${exception.message}")
                .end()
                .log("result of job ${header.CamelMindeeOcrJobId} (${header.CamelMindeeOcrAlias}):"
                     + " ${header.CamelMindeeOcrPageCount} page(s)")
                .to("file:{{webhook.outbox}}?fileName=${header.CamelMindeeOcrAlias}.txt");   // the result converts to its text
    }
}
