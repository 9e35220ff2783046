package org.camelmindee.ocr.examples;

import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.MindeeOcrConstants;

/**
 * Documents arrive on a JMS queue with their id in the property {@code documentId}; the text goes to another queue.
 * The id travels with the job as Mindee's alias: Mindee echoes it in the job and in the result (and in a webhook), so
 * that a result names its document wherever it comes from.
 * <p>
 * Queues: {@code jms:queue:documents} in (a BytesMessage: the document), {@code jms:queue:ocr-results} out (a
 * TextMessage: the text; properties {@code documentId} and {@code pages}). camel-jms keeps Camel's own headers
 * ({@code Camel*}) off the wire, so the route copies what the receiver needs into plain properties. The {@code jms}
 * component needs a ConnectionFactory.
 */
public class JmsOcrRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:documents")
                .routeId("jms-ocr")
                .setHeader(MindeeOcrConstants.ALIAS, header("documentId"))
                .to("mindee-ocr:ocr?resultFormat=text")
                .setHeader("documentId", header(MindeeOcrConstants.ALIAS))     // as Mindee echoed it
                .setHeader("pages", header(MindeeOcrConstants.PAGE_COUNT))
                .to("jms:queue:ocr-results");
    }
}
