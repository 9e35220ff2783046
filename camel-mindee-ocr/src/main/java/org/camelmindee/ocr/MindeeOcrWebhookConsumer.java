package org.camelmindee.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Mindee's webhooks on a POST route of the runtime's HTTP server (platform-http through
 * {@link RestConsumerFactory}). Each request goes through the size cap, the signature, the JSON and the duplicate
 * check, in that order, before anything is routed; what passes becomes a fresh exchange that carries no HTTP header:
 * the typed result (or its JSON or text) with the producer's headers, or, for a failed inference, an exchange that
 * fails with {@link MindeeOcrWebhookFailureException}. Mindee is answered 200 once the exchange completed, 500 when it
 * failed, so that it delivers again.
 */
public class MindeeOcrWebhookConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(MindeeOcrWebhookConsumer.class);

    /** The inference ids the default repository remembers. */
    static final int DEFAULT_REPOSITORY_SIZE = 10_000;

    private final MindeeOcrEndpoint endpoint;
    private final MindeeOcrConfiguration configuration;
    private final ObjectMapper mapper = MindeeJson.mapper();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder refusedSignature = new LongAdder();
    private final LongAdder refusedSize = new LongAdder();
    private final LongAdder refusedMalformed = new LongAdder();

    private MindeeOcrWebhookSignature signature;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private Consumer httpConsumer;

    public MindeeOcrWebhookConsumer(MindeeOcrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public MindeeOcrEndpoint getEndpoint() {
        return endpoint;
    }

    /** The path served, as configured (the REST configuration's context path may prefix it). */
    public String getPath() {
        String path = configuration.getWebhookPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Whether a signature is required. */
    public boolean isSignatureRequired() {
        return signature != null;
    }

    /** Deliveries routed and completed: answered 200. */
    public long getAccepted() {
        return accepted.sum();
    }

    /** Deliveries of an inference already routed: answered 200, not routed again. */
    public long getDuplicates() {
        return duplicates.sum();
    }

    /** Deliveries routed whose exchange failed: answered 500 so that Mindee delivers again. */
    public long getFailed() {
        return failed.sum();
    }

    /** Deliveries refused with 401: signature missing or wrong. */
    public long getRefusedSignature() {
        return refusedSignature.sum();
    }

    /** Deliveries refused with 413: over {@code webhookMaxPayloadSize}. */
    public long getRefusedSize() {
        return refusedSize.sum();
    }

    /** Deliveries refused with 400: not JSON, or neither a result nor a failure. */
    public long getRefusedMalformed() {
        return refusedMalformed.sum();
    }

    /** Deliveries refused before routing, for any reason. */
    public long getRefused() {
        return getRefusedSignature() + getRefusedSize() + getRefusedMalformed();
    }

    /** Whether the HTTP route is being served. */
    public boolean isServing() {
        return httpConsumer != null && ServiceHelper.isStarted(httpConsumer);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String secret = configuration.getWebhookSecret();
        if (secret == null) {
            LOG.warn("mindee-ocr:webhook on {} has no webhookSecret: anyone who can reach it can post results. Set the"
                     + " webhook's signing secret from Mindee's web app.", getPath());
            signature = null;
        } else {
            signature = new MindeeOcrWebhookSignature(secret);
        }

        repository = configuration.getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        CamelContextAware.trySetCamelContext(repository, getEndpoint().getCamelContext());
        ServiceHelper.startService(repository);

        if (getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new MindeeOcrWebhookHealthCheck(this));
        }

        RestConsumerFactory factory
                = MindeeOcrHttpServers.resolve(getEndpoint().getCamelContext(), configuration.getHttpServerComponent());
        // platform-http calls its processor synchronously on the server's worker thread (Vert.x executeBlocking, a
        // servlet thread), so the route runs there and the answer goes when it completes
        httpConsumer = factory.createConsumer(getEndpoint().getCamelContext(), this::onRequest, "POST", getPath(), null,
                null, null, getEndpoint().getCamelContext().getRestConfiguration(), Map.of());
        ServiceHelper.startService(httpConsumer);
        LOG.info("mindee-ocr:webhook serving POST {} ({})", getPath(),
                signature != null ? "signature required" : "unsigned");
    }

    @Override
    protected void doStop() throws Exception {
        // a restart serves the path with a new HTTP consumer
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        // platform-http answers 503 while suspended, and Mindee delivers again later
        ServiceHelper.suspendService(httpConsumer);
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(httpConsumer);
        super.doResume();
    }

    /** One HTTP request from Mindee, answered on the HTTP exchange; the route sees a fresh exchange, or nothing. */
    void onRequest(Exchange http) {
        Message request = http.getMessage();
        Object signatureHeader = request.getHeader(configuration.getWebhookSignatureHeader());
        int max = configuration.getWebhookMaxPayloadSize();

        byte[] body;
        try {
            body = readBody(request, max);
        } catch (IOException e) {
            LOG.debug("Could not read a webhook body on {}: {}", getPath(), e.getMessage());
            respond(http, 400, "Could not read the request body");
            refusedMalformed.increment();
            return;
        }
        if (body == null) {
            LOG.warn("Refused a webhook on {} larger than webhookMaxPayloadSize ({} bytes): answered 413. Raise the"
                     + " option if Mindee's results for your documents are this large.", getPath(), max);
            respond(http, 413, "Payload too large");
            refusedSize.increment();
            return;
        }
        if (signature != null && !signature.verify(body, signatureHeader)) {
            LOG.warn("Refused a webhook on {}: {} signature in header {} ({} bytes, from {}): answered 401", getPath(),
                    signatureHeader == null ? "no" : "a wrong", configuration.getWebhookSignatureHeader(), body.length,
                    remote(request));
            respond(http, 401, "Missing or invalid signature");
            refusedSignature.increment();
            return;
        }

        Delivery delivery;
        try {
            delivery = parse(body);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Refused a webhook on {}: {} ({} bytes): answered 400", getPath(), e.getMessage(), body.length);
            respond(http, 400, "Not a Mindee OCR result or failure");
            refusedMalformed.increment();
            return;
        }

        String key = delivery.inferenceId();
        boolean first;
        try {
            first = key == null || repository.add(key);
        } catch (RuntimeException e) {
            LOG.warn("The idempotent repository failed for inference {}: answered 500 so that Mindee delivers again", key,
                    e);
            failed.increment();
            respond(http, 500, "Processing failed");
            return;
        }
        if (!first) {
            LOG.debug("Webhook for inference {} already routed (or in flight): answered 200 without routing", key);
            duplicates.increment();
            respond(http, 200, "Duplicate");
            return;
        }

        boolean ok = route(delivery, body);
        if (key != null) {
            settle(key, ok);
        }
        if (ok) {
            accepted.increment();
            respond(http, 200, "OK");
        } else {
            failed.increment();
            respond(http, 500, "Processing failed");
        }
    }

    /** Confirms a routed inference, or forgets a failed one so that Mindee's next delivery is routed. */
    private void settle(String key, boolean ok) {
        try {
            if (ok) {
                repository.confirm(key);
            } else {
                repository.remove(key);
            }
        } catch (RuntimeException e) {
            LOG.warn("The idempotent repository failed to {} inference {}", ok ? "confirm" : "forget", key, e);
        }
    }

    /** Routes a fresh exchange; true when it completed without an exception. */
    private boolean route(Delivery delivery, byte[] body) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            if (delivery.result() != null) {
                setResult(message, delivery.result(), body);
            } else {
                setFailure(exchange, delivery.failure(), body);
            }
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = !exchange.isFailed() && !exchange.isRollbackOnly();
        if (!ok) {
            getExceptionHandler().handleException("Error routing the Mindee webhook of inference "
                                                  + delivery.inferenceId() + ": answered 500 so that Mindee delivers again",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    private void setResult(Message message, OcrResponse result, byte[] body) {
        switch (configuration.getResultFormat()) {
            case json -> message.setBody(new String(body, StandardCharsets.UTF_8));
            case text -> message.setBody(result.text());
            default -> message.setBody(result);
        }
        MindeeOcrProducer.setResultHeaders(message, result);
    }

    /**
     * A failed inference fails the exchange the way Camel's consumers bridge an error to the route's error handler: the
     * route's steps are skipped and its {@code onException} or dead letter channel gets the exception, as for a job
     * that failed in the producer.
     */
    private void setFailure(Exchange exchange, WebhookFailure failure, byte[] body) {
        Message message = exchange.getMessage();
        message.setBody(configuration.getResultFormat() == MindeeOcrResultFormat.object
                ? failure : new String(body, StandardCharsets.UTF_8));
        message.setHeader(MindeeOcrConstants.INFERENCE_ID, failure.inferenceId());
        message.setHeader(MindeeOcrConstants.JOB_STATUS, "Failed");
        message.setHeader(MindeeOcrConstants.ALIAS, failure.fileAlias());
        message.setHeader(MindeeOcrConstants.FILENAME, failure.fileName());
        MindeeOcrWebhookFailureException error = new MindeeOcrWebhookFailureException(failure);
        exchange.setException(error);
        exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, error);
        exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
        // no redelivery: the failure is Mindee's verdict, not a transient error of the route
        exchange.getExchangeExtension().setRedeliveryExhausted(true);
    }

    /**
     * A result when it has an {@code inference} object, a failure when it has an {@code error} object or an
     * {@code inference_id}; anything else is refused.
     */
    private Delivery parse(byte[] body) throws IOException {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        try {
            if (tree.path("inference").isObject()) {
                OcrResponse result = mapper.treeToValue(tree, OcrResponse.class);
                return new Delivery(result, null, blankToNull(result.inference().id()));
            }
            // a failure names its inference; its problem document may be missing
            if (tree.path("error").isObject() || tree.path("inference_id").isTextual()) {
                WebhookFailure failure = mapper.treeToValue(tree, WebhookFailure.class);
                return new Delivery(null, failure, blankToNull(failure.inferenceId()));
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a field has the wrong type: " + e.getOriginalMessage());
        }
        throw new IllegalArgumentException("the JSON has neither 'inference' (a result) nor 'error' or 'inference_id' (a"
                                           + " failure)");
    }

    /** The body's bytes, or null when it is larger than {@code max}. */
    static byte[] readBody(Message request, int max) throws IOException {
        if (declaredLength(request) > max) {
            return null;
        }
        Object body = request.getBody();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] b) {
            bytes = b;
        } else if (body instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else {
            InputStream in = request.getBody(InputStream.class);
            if (in != null) {
                try (InputStream stream = in) {
                    bytes = stream.readNBytes(max + 1);
                }
            } else {
                bytes = request.getBody(byte[].class);
                if (bytes == null) {
                    throw new IOException("cannot read a body of type " + body.getClass().getName());
                }
            }
        }
        return bytes.length > max ? null : bytes;
    }

    /** The Content-Length the sender declared, -1 when none or not a number. */
    private static long declaredLength(Message request) {
        Object value = request.getHeader(Exchange.CONTENT_LENGTH);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? -1 : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Object remote(Message request) {
        Object address = request.getHeader("CamelVertxPlatformHttpRemoteAddress");
        return address != null ? address : "an unknown address";
    }

    /** The answer to Mindee, without echoing any header of its request. */
    private static void respond(Exchange http, int code, String text) {
        Message message = http.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, code);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(text);
    }

    private record Delivery(OcrResponse result, WebhookFailure failure, String inferenceId) {
    }
}
