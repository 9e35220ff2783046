package org.camelmindee.ocr.springboot;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelmindee.ocr.MindeeOcrConfiguration;
import org.camelmindee.ocr.MindeeOcrResultFormat;
import org.camelmindee.ocr.api.RateBudgetStore;
import org.camelmindee.ocr.journal.JobJournal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OCR documents with the Mindee API v2: the options of the mindee-ocr component, bound from
 * {@code camel.component.mindee-ocr.*}. Every option of the component is here, with the component's description and
 * default; a test fails when the component gains an option that is missing here.
 * <p>
 * Durations are strings, read as an endpoint URI reads them: milliseconds ({@code 1500}), {@code 500ms}, {@code 10m},
 * {@code 1m30s}, ISO-8601 {@code PT1.5S} (Camel's conversion; a decimal with a unit such as {@code 1.5s} is refused,
 * write {@code 1500ms}). Options whose type is an object take a bean reference, {@code #name} or
 * {@code #bean:name}.
 */
@ConfigurationProperties(prefix = "camel.component.mindee-ocr")
public class MindeeOcrComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // never set or read: camel.component.mindee-ocr.enabled binds to ComponentConfigurationPropertiesCommon's enabled;
    // this field only gives that property its description in the metadata, as in Camel's generated starters
    /**
     * Whether to enable auto configuration of the mindee-ocr component. This is enabled by default.
     */
    private Boolean enabled;

    // common

    /**
     * The API's base URL; point it at the local engine or a test server.
     */
    private String baseUrl = "https://api-v2.mindee.net";
    /**
     * The default options of every endpoint of this component. The option is a
     * org.camelmindee.ocr.MindeeOcrConfiguration type: a bean reference such as #myMindeeConfiguration.
     */
    private MindeeOcrConfiguration configuration;
    /**
     * The id (UUID) of the OCR model to run, from Mindee's web app.
     */
    private String modelId;

    // consumer

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into
     * the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * The path the webhook consumer serves Mindee's POSTs on.
     */
    private String webhookPath = "/mindee/ocr";
    /**
     * The largest webhook body accepted, in bytes; a larger one is refused with 413 before it is parsed. The default,
     * 4 MiB, is a few MB more than the largest real result measured (a 3-page result: 619,226 bytes pretty-printed,
     * 223,239 compact), so about 20 dense pages fit; raise it for longer documents. The HTTP server may have its own
     * limit too.
     */
    private Integer webhookMaxPayloadSize = 4194304;
    /**
     * The directory where the documents sent for OCR wait, for resultFormat=searchablePdf, hocr and alto on the webhook
     * consumer: a result's original is the file named as its alias, else as its file name, in this directory.
     */
    private String originalsDirectory;
    /**
     * The name of the HTTP server component that serves the webhook (a RestConsumerFactory). By default the component
     * of the REST configuration, else platform-http, else the only one there is.
     */
    private String httpServerComponent;
    /**
     * The repository that remembers the inference ids already routed, so that a webhook Mindee delivers twice is
     * routed once. In memory (the last 10,000 ids) by default; share a JDBC, Redis or Infinispan one between the nodes
     * of a cluster. The option is a org.apache.camel.spi.IdempotentRepository type: a bean reference such as
     * #myIdempotentRepository.
     */
    private IdempotentRepository idempotentRepository;

    // producer

    /**
     * Where the component remembers what became of each document (its key: the alias when set, else the SHA-256 of its
     * bytes), so that a document is a paid job once: a JobJournal bean, such as
     * org.camelmindee.ocr.journal.FileJobJournal (one instance, across restarts) or
     * org.camelmindee.ocr.jdbc.JdbcJobJournal (PostgreSQL, a fleet). In memory by default. The option is a
     * org.camelmindee.ocr.journal.JobJournal type: a bean reference such as #myJobJournal.
     */
    private JobJournal jobJournal;
    /**
     * How long a document that failed for good (Mindee answered 400, 413, 415 or 422, or its job failed with such a
     * problem: a corrupt or encrypted file) fails again at once, from the job journal, without a new job. 0 remembers
     * no failure. A duration: milliseconds (1500) or a duration such as 1500ms, 500ms, 10m, 1m30s, PT1.5S.
     */
    private String journalFailureRetention = "1h";
    /**
     * How long the job journal remembers a document's job: the same document again within it follows that job instead
     * of being enqueued again. 0 forgets jobs at once. A duration: milliseconds (1500) or a duration such as 1500ms,
     * 500ms, 10m, 1m30s, PT1.5S.
     */
    private String journalJobRetention = "12h";
    /**
     * How long the job journal keeps a fetched result, to serve the same document again without any request. 0 (the
     * default) keeps none: the document's job is followed again instead. A duration: milliseconds (1500) or a duration
     * such as 1500ms, 500ms, 10m, 1m30s, PT1.5S.
     */
    private String journalResultRetention = "0";

    /**
     * A free-text tag Mindee echoes back in the job and the result.
     */
    private String alias;
    /**
     * The file name sent to Mindee when the exchange names none (header, CamelFileName, S3 key).
     */
    private String filename;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * What the result becomes: object the typed result, json the API's JSON as a String, text the document's text in
     * reading order, searchablePdf the original document with an invisible text layer, hocr hOCR, alto ALTO 4 XML
     * (docs/outputs.md).
     */
    private MindeeOcrResultFormat resultFormat = MindeeOcrResultFormat.object;
    /**
     * With resultFormat=searchablePdf: make the PDF declare PDF/A-2b (XMP identification and an sRGB output intent), for
     * archives. Pages made from images conform; pages of an original PDF are kept as they are and conform only if they
     * did.
     */
    private Boolean pdfA = false;
    /**
     * Comma-separated webhook ids (UUIDs) Mindee calls when the job is done.
     */
    private String webhookIds;

    // advanced

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The timeout to open a connection to the API. A duration: milliseconds (1500) or a duration such as 1500ms,
     * 500ms, 10m, 1m30s, PT1.5S.
     */
    private String connectTimeout = "10s";
    /**
     * Enqueues a minute the component allows itself, for all endpoints that share an API key. Mindee allows 200 a
     * minute per organisation; lower it when several applications share the account.
     */
    private Integer maxEnqueuesPerMinute = 200;
    /**
     * GET requests (polls, results, searches) a minute the component allows itself, for all endpoints that share an
     * API key. Mindee allows 1200 a minute per organisation.
     */
    private Integer maxGetsPerMinute = 1200;
    /**
     * How many times a request is retried after a 429, a 5xx or an I/O error (enqueues only when no job can have been
     * created), within the deadline.
     */
    private Integer maxRetries = 5;
    /**
     * The most requests at once to one API host, so the most connections the component opens to it (camel-http's
     * default per route is 20). More wait in a queue, without a thread; a quarter of them is kept for polls and result
     * reads, which a row of uploads never holds up.
     */
    private Integer maxConnectionsPerHost = 20;
    /**
     * Where the account's rate budget is counted when several instances share the account: a RateBudgetStore bean,
     * such as org.camelmindee.ocr.jdbc.JdbcRateBudgetStore on a PostgreSQL DataSource. Then at most
     * maxEnqueuesPerMinute and maxGetsPerMinute go in any 60.5 s over all the instances, and a 429 seen by one pauses
     * all. By default each component counts in its own JVM. The option is a org.camelmindee.ocr.api.RateBudgetStore
     * type: a bean reference such as #myRateBudget.
     */
    private RateBudgetStore rateBudget;
    /**
     * The timeout of one HTTP request, from sending until the answer is read (uploads included). A duration:
     * milliseconds (1500) or a duration such as 1500ms, 500ms, 10m, 1m30s, PT1.5S.
     */
    private String requestTimeout = "60s";

    // health

    /**
     * Used for enabling or disabling all consumer based health checks from this component.
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producers-enabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    // polling

    /**
     * How long after the enqueue to poll the job the first time; the component shortens or lengthens it from the
     * processing times it has seen. A duration: milliseconds (1500) or a duration such as 1500ms,
     * 500ms, 10m, 1m30s, PT1.5S.
     */
    private String pollInitialDelay = "2s";
    /**
     * The longest wait between two polls of a job while the account's GET budget allows; when the budget runs short,
     * polls are spaced further apart. A duration: milliseconds (1500) or a duration such as 1500ms, 500ms, 10m, 1m30s,
     * PT1.5S.
     */
    private String pollInterval = "1s";
    /**
     * The total deadline for a document, from enqueue to result; past it the exchange fails with a timeout that names
     * the job id. Longer than the server's own 590 s limit. A duration: milliseconds (1500) or a
     * duration such as 1500ms, 500ms, 10m, 1m30s, PT1.5S.
     */
    private String pollTimeout = "10m";

    // security

    /**
     * The Mindee API key (starts with md_), sent as is in the Authorization header. By convention read from the
     * environment variable MINDEE_V2_API_KEY.
     */
    private String apiKey;
    /**
     * TLS configuration for the connection to the API. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: a bean reference such as #mySslContextParameters.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Trust any TLS certificate and host name, e.g. a local engine's self-signed one. Never for Mindee's cloud: it
     * turns off the checks that keep the API key from a man in the middle. A warning is logged when it is on.
     */
    private Boolean trustAllCertificates = false;
    /**
     * The webhook's signing secret from Mindee's web app; with it, requests without a valid signature are refused with
     * 401 before anything is routed.
     */
    private String webhookSecret;
    /**
     * The header that carries the webhook's HMAC-SHA256 signature.
     */
    private String webhookSignatureHeader = "X-Signature";

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public MindeeOcrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MindeeOcrConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getOriginalsDirectory() {
        return originalsDirectory;
    }

    public void setOriginalsDirectory(String originalsDirectory) {
        this.originalsDirectory = originalsDirectory;
    }

    public Boolean getPdfA() {
        return pdfA;
    }

    public void setPdfA(Boolean pdfA) {
        this.pdfA = pdfA;
    }

    public Integer getWebhookMaxPayloadSize() {
        return webhookMaxPayloadSize;
    }

    public void setWebhookMaxPayloadSize(Integer webhookMaxPayloadSize) {
        this.webhookMaxPayloadSize = webhookMaxPayloadSize;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public MindeeOcrResultFormat getResultFormat() {
        return resultFormat;
    }

    public void setResultFormat(MindeeOcrResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    public String getWebhookIds() {
        return webhookIds;
    }

    public void setWebhookIds(String webhookIds) {
        this.webhookIds = webhookIds;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxEnqueuesPerMinute() {
        return maxEnqueuesPerMinute;
    }

    public void setMaxEnqueuesPerMinute(Integer maxEnqueuesPerMinute) {
        this.maxEnqueuesPerMinute = maxEnqueuesPerMinute;
    }

    public Integer getMaxGetsPerMinute() {
        return maxGetsPerMinute;
    }

    public void setMaxGetsPerMinute(Integer maxGetsPerMinute) {
        this.maxGetsPerMinute = maxGetsPerMinute;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(String pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public String getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(String pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(String pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(Boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookSignatureHeader() {
        return webhookSignatureHeader;
    }

    public void setWebhookSignatureHeader(String webhookSignatureHeader) {
        this.webhookSignatureHeader = webhookSignatureHeader;
    }

    public JobJournal getJobJournal() {
        return jobJournal;
    }

    public void setJobJournal(JobJournal jobJournal) {
        this.jobJournal = jobJournal;
    }

    public String getJournalFailureRetention() {
        return journalFailureRetention;
    }

    public void setJournalFailureRetention(String journalFailureRetention) {
        this.journalFailureRetention = journalFailureRetention;
    }

    public String getJournalJobRetention() {
        return journalJobRetention;
    }

    public void setJournalJobRetention(String journalJobRetention) {
        this.journalJobRetention = journalJobRetention;
    }

    public String getJournalResultRetention() {
        return journalResultRetention;
    }

    public void setJournalResultRetention(String journalResultRetention) {
        this.journalResultRetention = journalResultRetention;
    }

    public Integer getMaxConnectionsPerHost() {
        return maxConnectionsPerHost;
    }

    public void setMaxConnectionsPerHost(Integer maxConnectionsPerHost) {
        this.maxConnectionsPerHost = maxConnectionsPerHost;
    }

    public RateBudgetStore getRateBudget() {
        return rateBudget;
    }

    public void setRateBudget(RateBudgetStore rateBudget) {
        this.rateBudget = rateBudget;
    }
}
