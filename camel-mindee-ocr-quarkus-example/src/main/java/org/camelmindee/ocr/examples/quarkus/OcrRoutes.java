package org.camelmindee.ocr.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * POST a document to {@code /ocr} and get its text back. The mindee-ocr options come from
 * {@code camel.component.mindee-ocr.*} in {@code application.properties}; Quarkus's own HTTP server serves the route.
 */
public class OcrRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/ocr?httpMethodRestrict=POST")
                .routeId("ocr-http")
                // the HTTP request's headers stay here: the document is the body, its name an optional query parameter
                .removeHeaders("*", "filename")
                .setHeader("CamelMindeeOcrFilename", simple("${header.filename}"))
                .to("direct:ocr");

        from("direct:ocr")
                .routeId("ocr")
                .to("mindee-ocr:ocr?resultFormat=text")
                .log("OCR: ${header.CamelMindeeOcrPageCount} page(s), job ${header.CamelMindeeOcrJobId}")
                .setHeader("Content-Type", constant("text/plain; charset=UTF-8"));
    }
}
