package org.camelmindee.ocr.examples;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scans arrive on an FTP server; each one's OCR result goes, as Mindee's JSON, to a downstream HTTP system (a POST with
 * Camel HTTP). The document leaves the FTP server once the downstream system has accepted its result; one that fails
 * (OCR or delivery) moves to {@code .failed} on the server, so that it is not sent to Mindee again at the next poll.
 * <p>
 * Properties: {@code ftp.url} (e.g. {@code ftp://scanner@ftp.example.com:21/scans}), {@code ftp.password},
 * {@code downstream.url} (e.g. {@code http://erp.example.com/api/documents}); the mindee-ocr options are the
 * component's.
 */
public class FtpToHttpRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("{{ftp.url}}?password=RAW({{ftp.password}})&passiveMode=true&binary=true&delete=true&moveFailed=.failed")
                .routeId("ftp-to-http")
                .to("mindee-ocr:ocr?resultFormat=json")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("X-Document-Name", header(Exchange.FILE_NAME_ONLY))
                .to("{{downstream.url}}");
    }
}
