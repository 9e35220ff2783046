package org.camelmindee.ocr;

import java.util.Map;

import java.nio.file.Path;

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
import org.camelmindee.ocr.WebhookDeliveryChecks.Delivery;
import org.camelmindee.ocr.WebhookDeliveryChecks.Verdict;
import org.camelmindee.ocr.model.OcrResponse;
import org.camelmindee.ocr.model.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Mindee's webhooks on a POST route of the runtime's HTTP server (platform-http through
 * {@link RestConsumerFactory}). Each request goes through {@link WebhookDeliveryChecks} (the size cap, the signature,
 * the JSON and the duplicate check) before anything is routed; what passes becomes a fresh exchange that carries no HTTP header:
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
    private final MindeeOcrBinding binding;
    private final MindeeOcrWebhookStatistics statistics = new MindeeOcrWebhookStatistics();

    private WebhookSignature signature;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private WebhookDeliveryChecks checks;
    private Consumer httpConsumer;
    private AutoCloseable meters;

    public MindeeOcrWebhookConsumer(MindeeOcrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.binding = new MindeeOcrBinding(configuration.getResultFormat(), configuration.isPdfA());
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

    /** What this consumer did with the deliveries it received. */
    public MindeeOcrWebhookStatistics getStatistics() {
        return statistics;
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
            signature = new WebhookSignature(secret);
        }

        repository = configuration.getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
        }
        CamelContextAware.trySetCamelContext(repository, getEndpoint().getCamelContext());
        ServiceHelper.startService(repository);
        checks = new WebhookDeliveryChecks(getPath(), signature, configuration.getWebhookSignatureHeader(),
                configuration.getWebhookMaxPayloadSize(), repository, statistics);

        meters = endpoint.telemetry().watchWebhook(endpoint.telemetryName(), statistics);

        if (getEndpoint().getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new MindeeOcrWebhookHealthCheck(this));
        }

        RestConsumerFactory factory
                = MindeeOcrHttpServers.resolve(getEndpoint().getCamelContext(), configuration.getHttpServerComponent());
        // platform-http calls its processor synchronously on the server's worker thread (Vert.x executeBlocking, a
        // servlet thread), so the route runs there and the answer goes when it completes
        httpConsumer = factory.createConsumer(getEndpoint().getCamelContext(), this::onRequest, "POST", getPath(), null,
                null, null, getEndpoint().getCamelContext().getRestConfiguration(),
                // the raw bytes of any body, a form-encoded one too: the signature is checked over them first
                Map.of("populateBodyWithForm", "false"));
        ServiceHelper.startService(httpConsumer);
        LOG.info("mindee-ocr:webhook serving POST {} ({})", getPath(),
                signature != null ? "signature required" : "unsigned");
    }

    @Override
    protected void doStop() throws Exception {
        // a restart serves the path with a new HTTP consumer
        ServiceHelper.stopAndShutdownService(httpConsumer);
        httpConsumer = null;
        if (meters != null) {
            meters.close();
            meters = null;
        }
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
        Verdict verdict = checks.check(http.getMessage());
        if (verdict.delivery() == null) {
            respond(http, verdict.status(), verdict.answer());
            return;
        }
        boolean ok = route(verdict.delivery());
        checks.settle(verdict.delivery(), ok);
        if (ok) {
            statistics.accepted.increment();
            respond(http, 200, "OK");
        } else {
            statistics.failed.increment();
            respond(http, 500, "Processing failed");
        }
    }

    /** Routes a fresh exchange; true when it completed without an exception. */
    private boolean route(Delivery delivery) {
        Exchange exchange = createExchange(false);
        try {
            if (delivery.result() != null) {
                // the original, for the formats made with it, waits in originalsDirectory under the job's alias or name
                Path original = binding.usesOriginal()
                        ? MindeeOcrOutputs.findOriginal(configuration.getOriginalsDirectory(), delivery.result()) : null;
                binding.setResult(exchange.getMessage(), delivery.result(),
                        binding.body(exchange, delivery.result(), delivery.body(), original));
                endpoint.telemetry().webhookPages(endpoint.telemetryName(), modelOf(delivery.result()),
                        delivery.result().pageCount());
            } else {
                fail(exchange, delivery);
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

    /**
     * A failed inference fails the exchange the way Camel's consumers bridge an error to the route's error handler: the
     * route's steps are skipped and its {@code onException} or dead letter channel gets the exception, as for a job
     * that failed in the producer.
     */
    private void fail(Exchange exchange, Delivery delivery) {
        binding.setFailure(exchange.getMessage(), delivery.failure(), delivery.body());
        MindeeOcrWebhookFailureException error = new MindeeOcrWebhookFailureException(delivery.failure());
        exchange.setException(error);
        exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, error);
        exchange.setProperty(ExchangePropertyKey.ERRORHANDLER_BRIDGE, true);
        // no redelivery: the failure is Mindee's verdict, not a transient error of the route
        exchange.getExchangeExtension().setRedeliveryExhausted(true);
    }

    private static String modelOf(OcrResponse result) {
        return result.inference() == null || result.inference().model() == null ? null
                : result.inference().model().id();
    }

    /** The answer to Mindee, without echoing any header of its request. */
    private static void respond(Exchange http, int code, String text) {
        Message message = http.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, code);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        message.setBody(text);
    }
}
