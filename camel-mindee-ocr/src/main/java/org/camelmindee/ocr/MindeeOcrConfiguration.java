package org.camelmindee.ocr;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelmindee.ocr.api.RateBudgetStore;
import org.camelmindee.ocr.api.RequestLanes;
import org.camelmindee.ocr.journal.JobJournal;

/** The options of an endpoint; the component holds one as the defaults for all its endpoints. */
@UriParams
public class MindeeOcrConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://api-v2.mindee.net";
    /** 4 MiB: a few MB more than the largest real result measured (3 pages, 619,226 bytes pretty-printed). */
    public static final int DEFAULT_WEBHOOK_MAX_PAYLOAD_SIZE = 4 * 1024 * 1024;

    @UriPath(description = "The operation: a producer operation, or `webhook` for the consumer.")
    @Metadata(required = true)
    private MindeeOcrOperation operation;

    @UriParam(label = "security", security = "secret",
              description = "The Mindee API key (starts with `md_`), sent as is in the `Authorization` header. By"
                            + " convention read from the environment variable `MINDEE_V2_API_KEY`.")
    private String apiKey;
    @UriParam(description = "The id (UUID) of the OCR model to run, from Mindee's web app.")
    private String modelId;
    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL; point it at the local engine or a test server.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "producer", description = "A free-text tag Mindee echoes back in the job and the result.")
    private String alias;
    @UriParam(label = "producer",
              description = "The file name sent to Mindee when the exchange names none (header, `CamelFileName`, S3"
                            + " key).")
    private String filename;
    @UriParam(label = "producer",
              description = "Comma-separated webhook ids (UUIDs) Mindee calls when the job is done.")
    private String webhookIds;
    @UriParam(defaultValue = "object",
              description = "What the result becomes: `object` the typed result, `json` the API's JSON as a String,"
                            + " `text` the document's text in reading order, `searchablePdf` the original document with"
                            + " an invisible text layer, `hocr` hOCR, `alto` ALTO 4 XML (docs/outputs.md).")
    private MindeeOcrResultFormat resultFormat = MindeeOcrResultFormat.object;
    @UriParam(defaultValue = "false",
              description = "With `resultFormat=searchablePdf`: make the PDF declare PDF/A-2b (XMP identification and"
                            + " an sRGB output intent), for archives. Pages made from images conform; pages of an"
                            + " original PDF are kept as they are and conform only if they did.")
    private boolean pdfA;

    @UriParam(label = "producer,polling", defaultValue = "2s", javaType = "java.time.Duration",
              description = "How long after the enqueue to poll the job the first time; the component shortens or"
                            + " lengthens it from the processing times it has seen.")
    private long pollInitialDelay = 2000;
    @UriParam(label = "producer,polling", defaultValue = "1s", javaType = "java.time.Duration",
              description = "The longest wait between two polls of a job while the account's GET budget allows;"
                            + " when the budget runs short, polls are spaced further apart.")
    private long pollInterval = 1000;
    @UriParam(label = "producer,polling", defaultValue = "10m", javaType = "java.time.Duration",
              description = "The total deadline for a document, from enqueue to result; past it the exchange fails with"
                            + " a timeout that names the job id. Longer than the server's own 590 s limit.")
    private long pollTimeout = 600_000;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "The timeout to open a connection to the API.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "The timeout of one HTTP request, from sending until the answer is read (uploads included).")
    private long requestTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "200",
              description = "Enqueues a minute the component allows itself, for all endpoints that share an API key."
                            + " Mindee allows 200 a minute per organisation; lower it when several applications share"
                            + " the account.")
    private int maxEnqueuesPerMinute = 200;
    @UriParam(label = "advanced", defaultValue = "1200",
              description = "GET requests (polls, results, searches) a minute the component allows itself, for all"
                            + " endpoints that share an API key. Mindee allows 1200 a minute per organisation.")
    private int maxGetsPerMinute = 1200;
    @UriParam(label = "advanced", defaultValue = "5",
              description = "How many times a request is retried after a 429, a 5xx or an I/O error (enqueues only when"
                            + " no job can have been created), within the deadline.")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "20",
              description = "The most requests at once to one API host, so the most connections the component opens to"
                            + " it (camel-http's default per route is 20). More wait in a queue, without a thread; a"
                            + " quarter of them is kept for polls and result reads, which a row of uploads never holds up.")
    private int maxConnectionsPerHost = RequestLanes.DEFAULT_MAX;
    @UriParam(label = "advanced",
              description = "Where the account's rate budget is counted when several instances share the account: a"
                            + " RateBudgetStore bean, such as org.camelmindee.ocr.jdbc.JdbcRateBudgetStore on a"
                            + " PostgreSQL DataSource. Then at most maxEnqueuesPerMinute and maxGetsPerMinute go in any"
                            + " 60.5 s over all the instances, and a 429 seen by one pauses all. By default each"
                            + " component counts in its own JVM.")
    private RateBudgetStore rateBudget;
    @UriParam(label = "producer,advanced",
              description = "Where the component remembers what became of each document (its key: the alias when set,"
                            + " else the SHA-256 of its bytes), so that a document is a paid job once: a JobJournal bean,"
                            + " such as org.camelmindee.ocr.journal.FileJobJournal (one instance, across restarts) or"
                            + " org.camelmindee.ocr.jdbc.JdbcJobJournal (PostgreSQL, a fleet). In memory by default.")
    private JobJournal jobJournal;
    @UriParam(label = "producer", defaultValue = "12h", javaType = "java.time.Duration",
              description = "How long the job journal remembers a document's job: the same document again within it"
                            + " follows that job instead of being enqueued again. 0 forgets jobs at once.")
    private long journalJobRetention = 12 * 3_600_000L;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
              description = "How long the job journal keeps a fetched result, to serve the same document again without"
                            + " any request. 0 (the default) keeps none: the document's job is followed again instead.")
    private long journalResultRetention;
    @UriParam(label = "producer", defaultValue = "1h", javaType = "java.time.Duration",
              description = "How long a document that failed for good (Mindee answered 400, 413, 415 or 422, or its job"
                            + " failed with such a problem: a corrupt or encrypted file) fails again at once, from the"
                            + " job journal, without a new job. 0 remembers no failure.")
    private long journalFailureRetention = 3_600_000L;
    @UriParam(label = "security", description = "TLS configuration for the connection to the API.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false",
              description = "Trust any TLS certificate and host name, e.g. a local engine's self-signed one. Never"
                            + " for Mindee's cloud: it turns off the checks that keep the API key from a"
                            + " man in the middle. A warning is logged when it is on.")
    private boolean trustAllCertificates;

    @UriParam(label = "consumer", defaultValue = "/mindee/ocr",
              description = "The path the webhook consumer serves Mindee's POSTs on.")
    private String webhookPath = "/mindee/ocr";
    @UriParam(label = "consumer,security", security = "secret",
              description = "The webhook's signing secret from Mindee's web app; with it, requests without a valid"
                            + " signature are refused with 401 before anything is routed.")
    private String webhookSecret;
    @UriParam(label = "consumer,security", defaultValue = "X-Signature",
              description = "The header that carries the webhook's HMAC-SHA256 signature.")
    private String webhookSignatureHeader = "X-Signature";
    @UriParam(label = "consumer", defaultValue = "4194304",
              description = "The largest webhook body accepted, in bytes; a larger one is refused with 413 before it is"
                            + " parsed. The default, 4 MiB, is a few MB more than the largest real result measured (a"
                            + " 3-page result: 619,226 bytes pretty-printed, 223,239 compact), so about 20 dense pages"
                            + " fit; raise it for longer documents. The HTTP server may have its own limit too.")
    private int webhookMaxPayloadSize = DEFAULT_WEBHOOK_MAX_PAYLOAD_SIZE;
    @UriParam(label = "consumer",
              description = "The directory where the documents sent for OCR wait, for `resultFormat=searchablePdf`,"
                            + " `hocr` and `alto` on the webhook consumer: a result's original is the file named as its"
                            + " alias, else as its file name, in this directory.")
    private String originalsDirectory;
    @UriParam(label = "consumer,advanced",
              description = "The repository that remembers the inference ids already routed, so that a webhook Mindee"
                            + " delivers twice is routed once. In memory (the last 10,000 ids) by default; share a JDBC,"
                            + " Redis or Infinispan one between the nodes of a cluster.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced",
              description = "The name of the HTTP server component that serves the webhook (a RestConsumerFactory). By"
                            + " default the component of the REST configuration, else platform-http, else the only one"
                            + " there is.")
    private String httpServerComponent;

    public MindeeOcrOperation getOperation() {
        return operation;
    }

    public void setOperation(MindeeOcrOperation operation) {
        this.operation = operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
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

    public String getWebhookIds() {
        return webhookIds;
    }

    public void setWebhookIds(String webhookIds) {
        this.webhookIds = webhookIds;
    }

    public MindeeOcrResultFormat getResultFormat() {
        return resultFormat;
    }

    public void setResultFormat(MindeeOcrResultFormat resultFormat) {
        this.resultFormat = resultFormat;
    }

    public boolean isPdfA() {
        return pdfA;
    }

    public void setPdfA(boolean pdfA) {
        this.pdfA = pdfA;
    }

    public String getOriginalsDirectory() {
        return originalsDirectory;
    }

    public void setOriginalsDirectory(String originalsDirectory) {
        this.originalsDirectory = originalsDirectory;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(long pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxEnqueuesPerMinute() {
        return maxEnqueuesPerMinute;
    }

    public void setMaxEnqueuesPerMinute(int maxEnqueuesPerMinute) {
        this.maxEnqueuesPerMinute = maxEnqueuesPerMinute;
    }

    public int getMaxGetsPerMinute() {
        return maxGetsPerMinute;
    }

    public void setMaxGetsPerMinute(int maxGetsPerMinute) {
        this.maxGetsPerMinute = maxGetsPerMinute;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public int getMaxConnectionsPerHost() {
        return maxConnectionsPerHost;
    }

    public void setMaxConnectionsPerHost(int maxConnectionsPerHost) {
        this.maxConnectionsPerHost = maxConnectionsPerHost;
    }

    public RateBudgetStore getRateBudget() {
        return rateBudget;
    }

    public void setRateBudget(RateBudgetStore rateBudget) {
        this.rateBudget = rateBudget;
    }

    public JobJournal getJobJournal() {
        return jobJournal;
    }

    public void setJobJournal(JobJournal jobJournal) {
        this.jobJournal = jobJournal;
    }

    public long getJournalJobRetention() {
        return journalJobRetention;
    }

    public void setJournalJobRetention(long journalJobRetention) {
        this.journalJobRetention = journalJobRetention;
    }

    public long getJournalResultRetention() {
        return journalResultRetention;
    }

    public void setJournalResultRetention(long journalResultRetention) {
        this.journalResultRetention = journalResultRetention;
    }

    public long getJournalFailureRetention() {
        return journalFailureRetention;
    }

    public void setJournalFailureRetention(long journalFailureRetention) {
        this.journalFailureRetention = journalFailureRetention;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
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

    public int getWebhookMaxPayloadSize() {
        return webhookMaxPayloadSize;
    }

    public void setWebhookMaxPayloadSize(int webhookMaxPayloadSize) {
        this.webhookMaxPayloadSize = webhookMaxPayloadSize;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    /**
     * Refuses, before any network call, a configuration that cannot work, and says what to change: the producer's
     * options for a producer operation, the webhook consumer's for {@code webhook}. Every option is checked here.
     */
    public void validate() {
        if (operation == MindeeOcrOperation.webhook) {
            validateForWebhook();
        } else {
            validateForProducer();
        }
    }

    private void validateForProducer() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("No Mindee API key: set apiKey on the endpoint or on the mindee-ocr"
                                               + " component, for example apiKey={{env:MINDEE_V2_API_KEY}}");
        }
        if (apiKey.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IllegalArgumentException("The API key starts with 'Bearer ': Mindee expects the raw key, remove"
                                               + " the prefix");
        }
        boolean needsModel = operation == MindeeOcrOperation.ocr || operation == MindeeOcrOperation.enqueue;
        if (needsModel && (modelId == null || modelId.isBlank())) {
            throw new IllegalArgumentException("No modelId: set the id (UUID) of your OCR model from Mindee's web app,"
                                               + " for example modelId={{env:MINDEE_MODEL_ID}}");
        }
        if (modelId != null && !modelId.isBlank()) {
            MindeeOcrEndpoint.checkUuid("modelId", modelId);
        }
        webhookIdList();
        URI base;
        try {
            base = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || base.getHost() == null
            || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' must be an absolute http(s) URL with its scheme,"
                                               + " such as " + DEFAULT_BASE_URL + " or http://127.0.0.1:8080 for a"
                                               + " local engine");
        }
        if (base.getPath() != null && base.getPath().matches("(?i)/v2/?")) {
            // the component adds /v2/... itself: /v2 here would ask for /v2/v2/... and get 404s
            throw new IllegalArgumentException("baseUrl '" + baseUrl + "' ends with /v2: give the server's root, such"
                                               + " as " + DEFAULT_BASE_URL + " (the component adds /v2/...)");
        }
        checkPositive("pollTimeout", pollTimeout);
        checkPositive("pollInterval", pollInterval);
        checkPositive("requestTimeout", requestTimeout);
        checkPositive("connectTimeout", connectTimeout);
        if (pollInitialDelay < 0) {
            throw new IllegalArgumentException("pollInitialDelay must not be negative");
        }
        if (maxEnqueuesPerMinute < 1 || maxGetsPerMinute < 1) {
            throw new IllegalArgumentException("maxEnqueuesPerMinute and maxGetsPerMinute must be at least 1");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (maxConnectionsPerHost < 1) {
            throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
        }
        if (journalJobRetention < 0 || journalResultRetention < 0 || journalFailureRetention < 0) {
            throw new IllegalArgumentException("journalJobRetention, journalResultRetention and journalFailureRetention"
                                               + " must not be negative");
        }
    }

    private void validateForWebhook() {
        if (webhookSecret != null && webhookSecret.isBlank()) {
            throw new IllegalArgumentException("webhookSecret is set but empty (a missing environment variable?): set the"
                                               + " webhook's signing secret, or remove the option to accept unsigned"
                                               + " webhooks");
        }
        if (webhookMaxPayloadSize < 1) {
            throw new IllegalArgumentException("webhookMaxPayloadSize must be at least 1 byte");
        }
        if (webhookSignatureHeader == null || webhookSignatureHeader.isBlank()) {
            throw new IllegalArgumentException("webhookSignatureHeader must name a header, such as X-Signature");
        }
    }

    private static void checkPositive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be a positive duration such as 1500, 1500ms or 10m");
        }
    }

    /** The webhook ids, each checked to be a UUID; empty when none. */
    public List<String> webhookIdList() {
        if (webhookIds == null || webhookIds.isBlank()) {
            return List.of();
        }
        List<String> list = Arrays.stream(webhookIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        list.forEach(id -> MindeeOcrEndpoint.checkUuid("webhookIds", id));
        return list;
    }

    public MindeeOcrConfiguration copy() {
        try {
            return (MindeeOcrConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "MindeeOcrConfiguration[operation=" + operation + ", modelId=" + modelId + ", baseUrl=" + baseUrl
               + ", apiKey=" + (apiKey == null ? "unset" : "xxxxxx") + "]";
    }
}
