package org.camelmindee.ocr.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The main example: each document dropped in the inbox becomes {@code <name>.txt} (its text) and {@code <name>.json}
 * (the whole result: pages, words, polygons) in the outbox. The mindee-ocr options (key, model, base URL) are the
 * component's, set once by {@link MindeeConnection}; {@code routes/ocr-files.camel.yaml} is the same route in YAML.
 */
public class OcrFilesRoute extends RouteBuilder {

    public static final String ROUTE_ID = "ocr-files";

    @Override
    public void configure() {
        from("file:{{ocr.inbox}}?antInclude={{ocr.documents}}&antFilterCaseSensitive=false&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .to("mindee-ocr:ocr")
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.txt")    // the result converts to its text
                .marshal().json()
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.json");
    }
}
