package org.camelmindee.ocr.examples.quarkus;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.MindeeOcrException;

/**
 * POST a document to {@code /ocr} and get its text back; or POST it to {@code /ocr/async} and its text arrives later
 * through Mindee's webhook on {@code /mindee/ocr}, written to the outbox folder. The mindee-ocr options come from
 * {@code camel.component.mindee-ocr.*} in {@code application.properties}; Quarkus's own HTTP server serves the three
 * paths (platform-http).
 */
public class OcrRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/ocr?httpMethodRestrict=POST")
                .routeId("ocr-http")
                .to("direct:ocr");

        from("direct:ocr")
                .routeId("ocr")
                .process(OcrRoutes::keepOnlyTheFilename)
                .to("mindee-ocr:ocr?resultFormat=text")
                .log("OCR: ${header.CamelMindeeOcrPageCount} page(s), job ${header.CamelMindeeOcrJobId}")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain; charset=UTF-8"));

        // enqueue only: Mindee calls the webhooks named in ocr.webhook-id when the job is done
        from("platform-http:/ocr/async?httpMethodRestrict=POST")
                .routeId("ocr-enqueue")
                .process(OcrRoutes::keepOnlyTheFilename)
                .to("mindee-ocr:enqueue?webhookIds={{ocr.webhook-id:}}")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setBody(header(MindeeOcrConstants.JOB_ID));

        // the webhook consumer, on Quarkus's HTTP server: POST /mindee/ocr, signature checked before routing
        from("mindee-ocr:webhook?resultFormat=text")
                .routeId("ocr-webhook")
                // a document Mindee could not read: logged and answered 200; unhandled, Mindee would deliver it again
                .onException(MindeeOcrException.class).handled(true)
                    .log(LoggingLevel.WARN, "Mindee could not read ${header.CamelMindeeOcrFilename}: ${exception.message}")
                .end()
                .log("Webhook: ${header.CamelMindeeOcrFilename}, ${header.CamelMindeeOcrPageCount} page(s)")
                .setHeader(Exchange.FILE_NAME, header(MindeeOcrConstants.FILENAME))
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.txt");
    }

    /** The HTTP request's headers stay here: the document is the body, its name the optional query parameter. */
    private static void keepOnlyTheFilename(Exchange exchange) {
        Object filename = exchange.getMessage().getHeader("filename");
        exchange.getMessage().removeHeaders("*");
        if (filename != null) {
            exchange.getMessage().setHeader(MindeeOcrConstants.FILENAME, filename);
        }
    }
}
