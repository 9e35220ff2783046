package org.camelmindee.ocr;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.camelmindee.ocr.api.ApiSettings;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.poll.PollSchedule;
import org.camelmindee.ocr.poll.PollPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OCR documents with the Mindee API v2: text and word polygons, waiting for each job without holding a thread. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mindee-ocr", title = "Mindee OCR", syntax = "mindee-ocr:operation",
             category = { Category.DOCUMENT, Category.AI }, headersClass = MindeeOcrConstants.class)
public class MindeeOcrEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(MindeeOcrEndpoint.class);

    private static final Pattern UUID_PATTERN
            = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @UriParam
    private MindeeOcrConfiguration configuration;

    private MindeeApiClient client;

    public MindeeOcrEndpoint(String uri, MindeeOcrComponent component, MindeeOcrConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MindeeOcrComponent getComponent() {
        return (MindeeOcrComponent) super.getComponent();
    }

    public MindeeOcrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MindeeOcrConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        if (configuration.getOperation() == MindeeOcrOperation.webhook) {
            throw new IllegalArgumentException("mindee-ocr:webhook receives Mindee's webhooks and can only start a"
                                               + " route (from); to send documents use mindee-ocr:ocr or mindee-ocr:enqueue");
        }
        return new MindeeOcrProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != MindeeOcrOperation.webhook) {
            throw new IllegalArgumentException("mindee-ocr:" + configuration.getOperation() + " sends documents and can"
                                               + " only be a route's step (to); to receive Mindee's webhooks use"
                                               + " from(\"mindee-ocr:webhook?webhookPath=...\")");
        }
        MindeeOcrWebhookConsumer consumer = new MindeeOcrWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    /** The API client, made when the producer starts. */
    MindeeApiClient client() {
        return client;
    }

    PollPlanner pollPlanner(String modelId) {
        return getComponent().pollPlanner(modelId);
    }

    PollSchedule pollSchedule(String modelId) {
        return new PollSchedule(configuration.getPollInitialDelay(), configuration.getPollInterval(),
                pollPlanner(modelId));
    }

    /** Refuses, before any network call, a configuration that cannot work; says what to change. */
    void validateForProducer() {
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            throw new IllegalArgumentException("No Mindee API key: set apiKey on the endpoint or on the mindee-ocr"
                                               + " component, for example apiKey={{env:MINDEE_V2_API_KEY}}");
        }
        if (configuration.getApiKey().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IllegalArgumentException("The API key starts with 'Bearer ': Mindee expects the raw key, remove"
                                               + " the prefix");
        }
        MindeeOcrOperation operation = configuration.getOperation();
        boolean needsModel = operation == MindeeOcrOperation.ocr || operation == MindeeOcrOperation.enqueue;
        if (needsModel && (configuration.getModelId() == null || configuration.getModelId().isBlank())) {
            throw new IllegalArgumentException("No modelId: set the id (UUID) of your OCR model from Mindee's web app,"
                                               + " for example modelId={{env:MINDEE_MODEL_ID}}");
        }
        if (configuration.getModelId() != null && !configuration.getModelId().isBlank()) {
            checkUuid("modelId", configuration.getModelId());
        }
        webhookIds();
        URI base;
        try {
            base = URI.create(configuration.getBaseUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getMessage());
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL such as "
                                               + MindeeOcrConfiguration.DEFAULT_BASE_URL);
        }
        checkPositive("pollTimeout", configuration.getPollTimeout());
        checkPositive("pollInterval", configuration.getPollInterval());
        checkPositive("requestTimeout", configuration.getRequestTimeout());
        checkPositive("connectTimeout", configuration.getConnectTimeout());
        if (configuration.getPollInitialDelay() < 0) {
            throw new IllegalArgumentException("pollInitialDelay must not be negative");
        }
        if (configuration.getMaxEnqueuesPerMinute() < 1 || configuration.getMaxGetsPerMinute() < 1) {
            throw new IllegalArgumentException("maxEnqueuesPerMinute and maxGetsPerMinute must be at least 1");
        }
        if (configuration.getMaxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** The endpoint's webhook ids, each checked to be a UUID. */
    List<String> webhookIds() {
        String ids = configuration.getWebhookIds();
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
        list.forEach(id -> checkUuid("webhookIds", id));
        return list;
    }

    static void checkUuid(String option, String value) {
        if (!UUID_PATTERN.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(option + " must be a UUID such as 12345678-1234-1234-1234-123456789abc,"
                                               + " not '" + value + "': copy it from Mindee's web app");
        }
    }

    static MindeeOcrOperation parseOperation(String remaining) {
        try {
            return MindeeOcrOperation.valueOf(remaining);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown mindee-ocr operation '" + remaining + "': use one of "
                                               + Arrays.toString(MindeeOcrOperation.values()));
        }
    }

    private static void checkPositive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be a positive duration such as 1500, 1500ms or 10m");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getOperation() != MindeeOcrOperation.webhook) {
            validateForProducer();
            if (configuration.isTrustAllCertificates()) {
                LOG.warn("trustAllCertificates is on for {}: any TLS certificate is accepted, so the API key can reach a"
                         + " man in the middle. Use it only for a local engine with a self-signed certificate",
                        configuration.getBaseUrl());
            }
            String key = configuration.getApiKey();
            MindeeOcrComponent component = getComponent();
            ApiSettings settings = new ApiSettings(stripSlash(configuration.getBaseUrl()), key,
                    Duration.ofMillis(configuration.getRequestTimeout()), configuration.getMaxRetries());
            client = new MindeeApiClient(
                    component.httpClient(configuration.getSslContextParameters(),
                            configuration.isTrustAllCertificates(), configuration.getConnectTimeout()),
                    component.scheduler(),
                    component.enqueueBudget(key, configuration.getMaxEnqueuesPerMinute()),
                    component.readBudget(key, configuration.getMaxGetsPerMinute()),
                    settings, component.getStatistics());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
