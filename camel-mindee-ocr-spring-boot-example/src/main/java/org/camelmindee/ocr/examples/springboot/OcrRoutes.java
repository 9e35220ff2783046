package org.camelmindee.ocr.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The application's routes; the mindee-ocr options come from {@code camel.component.mindee-ocr.*}. */
@Component
public class OcrRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // a document in the inbox becomes a .txt file with its text in the outbox; the document moves to .done
        from("file:{{ocr.inbox}}?include=(?i).*\\.(pdf|png|jpe?g|tiff?|webp|heic)&move=.done&moveFailed=.failed")
                .routeId("ocr-inbox")
                .log("OCR of ${header.CamelFileName}")
                .to("mindee-ocr:ocr?resultFormat=text")
                .log("${header.CamelFileName}: ${header.CamelMindeeOcrPageCount} page(s), job ${header.CamelMindeeOcrJobId}")
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.txt");
    }
}
