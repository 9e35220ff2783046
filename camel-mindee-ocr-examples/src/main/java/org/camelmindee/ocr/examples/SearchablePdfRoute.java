package org.camelmindee.ocr.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * A folder of scans into searchable PDFs: each PDF or image dropped in {@code scans.inbox} is read by OCR and written
 * to {@code scans.archive} as {@code <name>.pdf}, the original with an invisible text layer, so that any viewer finds,
 * selects and copies its words. One option does it: {@code resultFormat=searchablePdf}. The original moves to
 * {@code .done} (or {@code .failed}). {@code routes/searchable-pdf.camel.yaml} is the same route in YAML.
 */
public class SearchablePdfRoute extends RouteBuilder {

    public static final String ROUTE_ID = "searchable-pdf";

    @Override
    public void configure() {
        from("file:{{scans.inbox}}?antInclude={{scans.documents}}&antFilterCaseSensitive=false"
             + "&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .to("mindee-ocr:ocr?resultFormat=searchablePdf&pdfA={{scans.pdfA}}")
                .to("file:{{scans.archive}}?fileName=${file:onlyname.noext}.pdf");
    }
}
