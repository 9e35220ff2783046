package org.camelmindee.ocr.examples;

import org.apache.camel.builder.RouteBuilder;
import org.camelmindee.ocr.MindeeOcrConstants;

/**
 * Each document dropped in the inbox becomes one row of the table {@code ocr_document} in PostgreSQL: its alias (the
 * file's name), Mindee's job id, the page count and the text, with a full-text index, so that "which invoice mentions
 * X" is one query. The table is in {@code sql/ocr-document.sql}. The job id is the key and the insert does nothing
 * when the row is there: a result stored twice (a redelivered webhook, a result fetched again after a timeout) stays
 * one row. {@code routes/ocr-to-database.camel.yaml} is the same in YAML.
 * <p>
 * Properties: {@code ocr.inbox}, {@code ocr.documents} (as the file example). The {@code sql} endpoint uses the
 * DataSource bound as {@code ocrDatabase}; the mindee-ocr options are the component's.
 */
public class OcrToDatabaseRoute extends RouteBuilder {

    public static final String ROUTE_ID = "ocr-to-database";
    /** Stores one OCR result (the body, with the headers mindee-ocr set); any route that has a result can call it. */
    public static final String STORE = "direct:store-ocr-result";

    static final String INSERT = "INSERT INTO ocr_document (job_id, alias, filename, page_count, text)"
                                 + " VALUES (:#${header.CamelMindeeOcrJobId}, :#${header.CamelMindeeOcrAlias},"
                                 + " :#${header.CamelMindeeOcrFilename}, :#${header.CamelMindeeOcrPageCount},"
                                 + " :#${bodyAs(String)})"
                                 + " ON CONFLICT (job_id) DO NOTHING";

    @Override
    public void configure() {
        from("file:{{ocr.inbox}}?antInclude={{ocr.documents}}&antFilterCaseSensitive=false"
             + "&move=.done&moveFailed=.failed")
                .routeId(ROUTE_ID)
                .setHeader(MindeeOcrConstants.ALIAS, header("CamelFileName"))
                .to("mindee-ocr:ocr")
                .to(STORE);

        from(STORE)
                .routeId("store-ocr-result")
                .to("sql:" + INSERT + "?dataSource=#ocrDatabase")
                .choice()
                    .when(header("CamelSqlUpdateCount").isEqualTo(0))
                        .log("job ${header.CamelMindeeOcrJobId} (${header.CamelMindeeOcrAlias}) was stored before")
                    .otherwise()
                        .log("job ${header.CamelMindeeOcrJobId} (${header.CamelMindeeOcrAlias}) stored,"
                             + " page count ${header.CamelMindeeOcrPageCount}");
    }
}
