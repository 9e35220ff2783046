package org.camelmindee.ocr.examples.s3;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.camelmindee.ocr.api.MindeeOcrException;

/**
 * A bucket of scans: each object under {@code inbox/} is OCRed and moves to {@code done/}, with its text
 * ({@code <name>.txt}) and Mindee's JSON ({@code <name>.json}) beside it. A scan Mindee cannot read moves too, with
 * {@code <name>.error.txt} saying why, so that it is not sent (and paid for) again at every poll: a scan that stays in
 * {@code inbox/} is read again at the next poll.
 * <p>
 * Streamed: {@code includeBody=false} makes the body the object's stream, which mindee-ocr sends as it reads it (the
 * default, {@code includeBody=true}, reads every object whole into memory). The outputs are written from copies of
 * the exchange, because the consumer moves the scan by the key and bucket headers it set.
 * <p>
 * Properties: {@code s3.bucket}, {@code s3.poll-delay} (ms, default a minute). The connection (region, credentials,
 * an endpoint override for an S3-compatible server) is the aws2-s3 component's; the mindee-ocr options are the
 * component's. {@code routes/s3-ocr.camel.yaml} is the same route in YAML.
 */
public class S3OcrRoute extends RouteBuilder {

    public static final String ROUTE_ID = "s3-ocr";

    @Override
    public void configure() {
        onException(MindeeOcrException.class).handled(true)
                .log("${header.CamelAwsS3Key}: not read: ${exception.message}")
                .setProperty("scanKey", header(AWS2S3Constants.KEY))
                .setProperty("scanBucket", header(AWS2S3Constants.BUCKET_NAME))
                .to("direct:s3-error")
                .setHeader(AWS2S3Constants.KEY, exchangeProperty("scanKey"))     // the consumer moves the scan by these
                .setHeader(AWS2S3Constants.BUCKET_NAME, exchangeProperty("scanBucket"));

        from("aws2-s3://{{s3.bucket}}?prefix=inbox/&includeFolders=false&includeBody=false&moveAfterRead=true"
             + "&destinationBucket={{s3.bucket}}&destinationBucketPrefix=done/&removePrefixOnMove=true"
             + "&delay={{s3.poll-delay:60000}}")
                .routeId(ROUTE_ID)
                .setHeader(Exchange.FILE_NAME, header(AWS2S3Constants.KEY))    // for ${file:onlyname.noext}
                .to("mindee-ocr:ocr")
                .multicast(AggregationStrategies.useOriginal())
                    .to("direct:s3-text", "direct:s3-json")
                .end();

        from("direct:s3-text")
                .routeId("s3-text")
                .removeHeaders("CamelAwsS3*")            // the scan's length and content type are not the text's
                .setHeader(AWS2S3Constants.KEY, simple("done/${file:onlyname.noext}.txt"))
                .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("text/plain; charset=UTF-8"))
                .convertBodyTo(String.class)             // the result's text
                .to("aws2-s3://{{s3.bucket}}");

        from("direct:s3-json")
                .routeId("s3-json")
                .removeHeaders("CamelAwsS3*")
                .setHeader(AWS2S3Constants.KEY, simple("done/${file:onlyname.noext}.json"))
                .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("application/json"))
                .marshal().json()
                .to("aws2-s3://{{s3.bucket}}");

        from("direct:s3-error")
                .routeId("s3-error")
                .removeHeaders("CamelAwsS3*")
                .setHeader(AWS2S3Constants.KEY, simple("done/${file:onlyname.noext}.error.txt"))
                .setHeader(AWS2S3Constants.CONTENT_TYPE, constant("text/plain; charset=UTF-8"))
                .setBody(simple("${exception.message}"))
                .to("aws2-s3://{{s3.bucket}}");
    }
}
