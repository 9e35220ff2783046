package org.camelmindee.ocr;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
import org.camelmindee.ocr.api.ApiSettings;
import org.camelmindee.ocr.api.MindeeApiClient;
import org.camelmindee.ocr.api.RequestBudget;
import org.camelmindee.ocr.journal.JournalSettings;
import org.camelmindee.ocr.journal.JournaledJob;
import org.camelmindee.ocr.model.MindeeIds;
import org.camelmindee.ocr.poll.PollSchedule;
import org.camelmindee.ocr.poll.PollPlanner;
import org.camelmindee.ocr.telemetry.JobTelemetry;
import org.camelmindee.ocr.telemetry.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OCR documents with the Mindee API v2: text and word polygons, waiting for each job without holding a thread. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mindee-ocr", title = "Mindee OCR", syntax = "mindee-ocr:operation",
             category = { Category.DOCUMENT, Category.AI }, headersClass = MindeeOcrConstants.class)
public class MindeeOcrEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(MindeeOcrEndpoint.class);

    @UriParam
    private MindeeOcrConfiguration configuration;

    private MindeeApiClient client;
    private JournaledJob journaledJob;
    private AutoCloseable budgetMeters;

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

    /** Each document through the job journal, made when the producer starts. */
    JournaledJob journaledJob() {
        return journaledJob;
    }

    /** The API client, made when the producer starts. */
    MindeeApiClient client() {
        return client;
    }

    /** The endpoint in meters and spans: its URI with every secret masked (Camel's sanitized URI). */
    String telemetryName() {
        return URISupport.sanitizeUri(getEndpointUri());
    }

    Telemetry telemetry() {
        return getComponent().telemetry();
    }

    /** The meters and span of one exchange of {@code operation}. */
    JobTelemetry jobTelemetry(MindeeOcrOperation operation, String modelId) {
        return telemetry().job(telemetryName(), operation.name(), modelId);
    }

    PollPlanner pollPlanner(String modelId) {
        return getComponent().pollPlanner(modelId);
    }

    PollSchedule pollSchedule(String modelId) {
        return new PollSchedule(configuration.getPollInitialDelay(), configuration.getPollInterval(),
                pollPlanner(modelId));
    }

    static void checkUuid(String option, String value) {
        if (!MindeeIds.isUuid(value.strip())) {
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

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        configuration.validate();
        if (configuration.getOperation() != MindeeOcrOperation.webhook) {
            if (configuration.isTrustAllCertificates()) {
                LOG.warn("trustAllCertificates is on for {}: any TLS certificate is accepted, so the API key can reach a"
                         + " man in the middle. Use it only for a local engine with a self-signed certificate",
                        configuration.getBaseUrl());
            }
            String key = configuration.getApiKey();
            MindeeOcrComponent component = getComponent();
            ApiSettings settings = new ApiSettings(stripSlash(configuration.getBaseUrl()), key,
                    Duration.ofMillis(configuration.getRequestTimeout()), configuration.getMaxRetries());
            RequestBudget enqueueBudget = component.enqueueBudget(key, configuration.getMaxEnqueuesPerMinute(),
                    configuration.getRateBudget());
            RequestBudget readBudget = component.readBudget(key, configuration.getMaxGetsPerMinute(),
                    configuration.getRateBudget());
            budgetMeters = telemetry().watchBudgets(telemetryName(), enqueueBudget, readBudget);
            client = new MindeeApiClient(
                    component.httpClient(configuration.getSslContextParameters(),
                            configuration.isTrustAllCertificates(), configuration.getConnectTimeout()),
                    component.scheduler(), enqueueBudget, readBudget, settings, component.getStatistics(),
                    target -> component.lanes(target, configuration.getMaxConnectionsPerHost()));
            // a claim holds while its enqueue may still be waiting for the budget or sending, up to the deadline
            JournalSettings journal = new JournalSettings(configuration.getPollTimeout() + 5_000,
                    configuration.getJournalJobRetention(), configuration.getJournalResultRetention(),
                    configuration.getJournalFailureRetention(),
                    TimeUnit.MILLISECONDS.toNanos(configuration.getPollInterval()));
            journaledJob = new JournaledJob(component.journal(configuration.getJobJournal()), component.scheduler(),
                    journal, component.getStatistics().uncertainUploads);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (budgetMeters != null) {
            budgetMeters.close();
            budgetMeters = null;
        }
        super.doStop();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
