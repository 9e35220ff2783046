package org.camelmindee.ocr.examples.s3;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.MindeeOcrConfiguration;
import org.camelmindee.ocr.local.LocalMindeeServer;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link S3OcrRoute} and its YAML twin against S3Proxy (an S3 server in this JVM, objects in memory) and the local
 * engine, on Camel 4.18: scans in, text and JSON beside them, each scan streamed to Mindee.
 */
class S3OcrRouteTest {

    private static final String BUCKET = "scans";
    private static LocalMindeeServer mindee;

    @RegisterExtension
    final S3ProxyExtension s3 = S3ProxyExtension.builder().withCredentials("scanner", "s3cret+&").build();

    private S3Client client;
    private CamelContext context;
    /** What mindee-ocr received as the body, by scan. */
    private final Map<String, Class<?>> bodies = new ConcurrentHashMap<>();

    @BeforeAll
    static void startMindee() {
        mindee = LocalMindeeServer.builder().apiKey("md_s3_example").workers(2).start();
    }

    @AfterAll
    static void stopMindee() {
        if (mindee != null) {
            mindee.close();
        }
    }

    @BeforeEach
    void createBucket() {
        client = S3Client.builder().endpointOverride(s3.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.getAccessKey(), s3.getSecretKey())))
                .build();
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        client.close();
    }

    @Test
    void eachScanMovesToDoneWithItsTextAndJsonBesideIt() throws Exception {
        start(false);
        int jobsBefore = mindee.jobCount();
        put("inbox/photo-receipt.jpg", "photo-receipt.jpg");
        put("inbox/scanned-letter.png", "scanned-letter.png");

        awaitKeys("done/photo-receipt.jpg", "done/photo-receipt.json", "done/photo-receipt.txt",
                "done/scanned-letter.json", "done/scanned-letter.png", "done/scanned-letter.txt");
        assertTrue(get("done/photo-receipt.txt").contains("GREEN STREET MARKET"));
        assertTrue(get("done/scanned-letter.txt").contains("Harbour Lane Books"));
        OcrResponse json = MindeeJson.mapper().readValue(get("done/scanned-letter.json"), OcrResponse.class);
        assertEquals(1, json.pageCount());
        assertEquals("scanned-letter.png", json.inference().file().name());
        // streamed: mindee-ocr was handed each object's stream, never a byte[] of the whole object
        assertTrue(InputStream.class.isAssignableFrom(bodies.get("inbox/photo-receipt.jpg")), bodies.toString());
        assertTrue(InputStream.class.isAssignableFrom(bodies.get("inbox/scanned-letter.png")), bodies.toString());
        // polls come every 200 ms while a scan is in OCR: the consumer's in-progress keys keep it to one job each
        assertEquals(2, mindee.jobCount() - jobsBefore, "one job per scan");
        assertTrue(context.getVersion().startsWith(System.getProperty("mindee.expectCamelVersion", "4.18")),
                "this module runs on the Camel 4.18 line: " + context.getVersion());
    }

    @Test
    void aScanMindeeCannotReadMovesWithTheReasonBesideItAndIsNotSentAgain() throws Exception {
        start(false);
        client.putObject(b -> b.bucket(BUCKET).key("inbox/damaged.pdf"),
                RequestBody.fromString("%PDF-1.7\nthis is not a PDF past its first line\n", StandardCharsets.US_ASCII));

        awaitKeys("done/damaged.error.txt", "done/damaged.pdf");
        assertTrue(get("done/damaged.error.txt").contains("The PDF is corrupt"), get("done/damaged.error.txt"));
        int jobs = mindee.jobCount();
        Thread.sleep(1_000);                                         // several polls of an empty inbox
        assertEquals(jobs, mindee.jobCount(), "no second job for the same scan");
    }

    @Test
    void theYamlRouteDoesTheSame() throws Exception {
        start(true);
        put("inbox/photo-receipt.jpg", "photo-receipt.jpg");

        awaitKeys("done/photo-receipt.jpg", "done/photo-receipt.json", "done/photo-receipt.txt");
        assertTrue(get("done/photo-receipt.txt").contains("GREEN STREET MARKET"));
        assertTrue(InputStream.class.isAssignableFrom(bodies.get("inbox/photo-receipt.jpg")), bodies.toString());
    }

    private void start(boolean yaml) throws Exception {
        context = new DefaultCamelContext();
        AWS2S3Configuration s3Options = context.getComponent("aws2-s3", AWS2S3Component.class).getConfiguration();
        s3Options.setUriEndpointOverride(s3.getUri().toString());
        s3Options.setOverrideEndpoint(true);
        s3Options.setForcePathStyle(true);
        s3Options.setRegion("us-east-1");
        s3Options.setAccessKey(s3.getAccessKey());
        s3Options.setSecretKey(s3.getSecretKey());
        MindeeOcrConfiguration ocrOptions = context.getComponent("mindee-ocr", MindeeOcrComponent.class)
                .getConfiguration();
        ocrOptions.setApiKey("md_s3_example");
        ocrOptions.setModelId(LocalMindeeServer.MODEL_ID);
        ocrOptions.setBaseUrl(mindee.baseUrl());
        ocrOptions.setPollInitialDelay(200);
        ocrOptions.setPollInterval(200);
        Properties p = new Properties();
        p.setProperty("s3.bucket", BUCKET);
        p.setProperty("s3.poll-delay", "200");
        context.getPropertiesComponent().setOverrideProperties(p);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSendingEvent sending
                    && sending.getEndpoint().getEndpointUri().startsWith("mindee-ocr")) {
                    Object body = sending.getExchange().getMessage().getBody();
                    bodies.put(sending.getExchange().getMessage().getHeader("CamelAwsS3Key", String.class),
                            body == null ? Void.class : body.getClass());
                }
            }
        });
        if (yaml) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/s3-ocr.camel.yaml"));
        } else {
            context.addRoutes(new S3OcrRoute());
        }
        context.start();
    }

    private void put(String key, String sample) throws Exception {
        try (InputStream in = S3OcrRouteTest.class.getResourceAsStream("/samples/" + sample)) {
            client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(in.readAllBytes()));
        }
    }

    private String get(String key) {
        return client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asString(StandardCharsets.UTF_8);
    }

    /** Waits (up to 90 s) until the bucket holds exactly these keys: the outputs written, the scans moved. */
    private void awaitKeys(String... keys) throws InterruptedException {
        List<String> expected = List.of(keys);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> found;
        do {
            Thread.sleep(100);
            found = client.listObjects(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key)
                    .filter(key -> !key.endsWith("/")).sorted().toList();       // not the store's folder markers
        } while (!found.equals(expected) && System.nanoTime() < until);
        assertEquals(expected, found);
    }
}
