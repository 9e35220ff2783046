package org.camelmindee.ocr.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The main example: each document dropped in the inbox becomes {@code <name>.txt} (its text) and {@code <name>.json}
 * (the whole result: pages, words, polygons) in the outbox, and with {@code ocr.pdf=true} {@code <name>.pdf}, the
 * document made searchable. The mindee-ocr options (key, model, base URL) are the
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
                .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.json")
                // -Dpdf=true: the document made searchable too. The same result once more (a GET: no new job) with the
                // original, still in the inbox, as the body; WebP and HEIC cannot be made into a PDF here
                .filter(simple("{{ocr.pdf:false}} == 'true' && ${file:ext} regex '(?i)pdf|png|jpe?g|tiff?'"))
                    .bean(OriginalFile.class, "of")
                    .to("mindee-ocr:getResult?resultFormat=searchablePdf")
                    .to("file:{{ocr.outbox}}?fileName=${file:onlyname.noext}.pdf");
    }
}
