package org.camelmindee.ocr.examples.springboot;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The application's routes; the mindee-ocr options come from {@code camel.component.mindee-ocr.*}. */
@Component
public class OcrRoutes extends RouteBuilder {

    private static final String DOCUMENTS = "include=(?i).*\\.(pdf|png|jpe?g|tiff?|webp|heic)&move=.done&moveFailed=.failed";

    /** The id (UUID) of a webhook configured on the model in Mindee's web app; none: no webhook routes. */
    private final String webhookId;

    public OcrRoutes(@Value("${ocr.webhook-id:}") String webhookId) {
        this.webhookId = webhookId;
    }

    @Override
    public void configure() {
        // a document in the inbox becomes a .txt file with its text in the outbox; the route waits for the result
        // without holding a thread; the document moves to .done
        from("file:{{ocr.inbox}}?" + DOCUMENTS)
                .routeId("ocr-inbox")
                .log("OCR of ${header.CamelFileName}")
                .to("mindee-ocr:ocr?resultFormat=text")
                .log("${header.CamelFileName}: ${header.CamelMindeeOcrPageCount} page(s), job ${header.CamelMindeeOcrJobId}")
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.txt");

        if (webhookId.isBlank()) {
            return;
        }
        // with a webhook: a document in the webhook inbox is only enqueued, and Mindee posts its result to
        // mindee-ocr:webhook, served by Spring Boot's own server (camel-platform-http-starter) on POST /mindee/ocr
        from("file:{{ocr.webhook-inbox}}?" + DOCUMENTS)
                .routeId("ocr-enqueue")
                .to("mindee-ocr:enqueue?webhookIds=" + webhookId)
                .log("${header.CamelFileName}: job ${header.CamelMindeeOcrJobId} enqueued, its result comes by webhook");

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
}
