package org.camelmindee.ocr.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Filter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

import org.camelmindee.ocr.local.http.ApiRoutes;
import org.camelmindee.ocr.local.http.HttpLimits;
import org.camelmindee.ocr.local.http.LocalModel;
import org.camelmindee.ocr.local.http.VertxHttpServer;
import org.camelmindee.ocr.local.jobs.DaemonThreads;
import org.camelmindee.ocr.local.jobs.JobStore;
import org.camelmindee.ocr.local.jobs.OcrJobRunner;
import org.camelmindee.ocr.local.jobs.WebhookDispatcher;
import org.camelmindee.ocr.local.jobs.WebhookEndpoint;
import org.camelmindee.ocr.local.recognition.DocumentLimits;
import org.camelmindee.ocr.local.recognition.OcrSettings;
import org.camelmindee.ocr.local.recognition.Recognizer;
import org.camelmindee.ocr.local.recognition.TesseractRecognizer;
import org.camelmindee.ocr.local.tls.SelfSignedCertificate;

/**
 * A server that speaks the Mindee OCR API v2 and does the OCR itself, with Tesseract. Embedded use:
 *
 * <pre>{@code
 * try (LocalMindeeServer server = LocalMindeeServer.builder().port(0).apiKey("md_test").workers(2).start()) {
 *     String baseUrl = server.baseUrl(); // http://127.0.0.1:<port>
 *     // model id: LocalMindeeServer.MODEL_ID
 * }
 * }</pre>
 *
 * Standalone: {@code java -jar camel-mindee-ocr-local.jar --port 8080} (see {@link LocalServerMain}).
 */
public final class LocalMindeeServer implements AutoCloseable {

    /** The id of the one OCR model this server has: pass it as {@code model_id}. Fixed, so that it can be configured. */
    public static final String MODEL_ID = LocalModel.ID;
    /** The name {@code GET /v2/search/models} lists the model under. */
    public static final String MODEL_NAME = LocalModel.NAME;

    private static final System.Logger LOG = System.getLogger(LocalMindeeServer.class.getName());

    private final ServerConfig config;
    private final Vertx vertx;
    private final VertxHttpServer http;
    private final VertxHttpServer https;
    private final SelfSignedCertificate certificate;
    private final OcrJobRunner runner;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService requestThreads;
    private final JobStore jobs;
    private final List<Filter> filters;

    private LocalMindeeServer(ServerConfig config, Recognizer recognizer, List<Filter> filters, Duration rateWindow,
                              HttpLimits limits) throws IOException {
        this.config = config;
        this.filters = List.copyOf(filters);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mindee-local-scheduler"));
        this.jobs = new JobStore(config.clock(), config.retention());
        WebhookDispatcher webhooks = new WebhookDispatcher(config.webhooks(), config.webhookAttempts(),
                config.webhookRetryDelay(), config.clock(), scheduler);
        this.runner = new OcrJobRunner(config.workers(), config.queueCapacity(), config.maxFileBytes(),
                config.deleteOnFetch(), config.clock(), recognizer, webhooks, scheduler);
        ApiRoutes routes = new ApiRoutes(jobs, runner, config.apiKey(), config.rateLimitFactor(), rateWindow,
                config.clock(), config.maxFileBytes(), config.allowUrlDownloads(), config.deleteOnFetch(),
                config.webhooks(), config.publicBaseUrl());
        // request threads run the routes once a request is received in full: they parse forms and write JSON, OCR
        // never runs on them, and no slow client holds one
        this.requestThreads = Executors.newFixedThreadPool(16, DaemonThreads.named("mindee-local-http"));
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.min(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        VertxHttpServer plain = null;
        VertxHttpServer secure = null;
        SelfSignedCertificate cert = null;
        try {
            if (config.port() >= 0) {
                plain = new VertxHttpServer(vertx, config.host(), config.port(), null, limits, routes, this.filters,
                        requestThreads);
            }
            if (config.httpsPort() >= 0) {
                cert = SelfSignedCertificate.generate(config.host(), Duration.ofDays(825));
                secure = new VertxHttpServer(vertx, config.host(), config.httpsPort(), cert.keyManagers(), limits,
                        routes, this.filters, requestThreads);
            }
        } catch (IOException | RuntimeException e) {
            if (plain != null) {
                plain.close();
            }
            vertx.close();
            runner.close();
            scheduler.shutdownNow();
            requestThreads.shutdownNow();
            throw e;
        }
        this.http = plain;
        this.https = secure;
        this.certificate = cert;
        long purgeEvery = Math.max(1000, Math.min(config.retention().toMillis() / 4, 60_000));
        scheduler.scheduleWithFixedDelay(jobs::purgeExpired, purgeEvery, purgeEvery, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The plain HTTP base URL when HTTP is served, otherwise the HTTPS one; no trailing slash. */
    public String baseUrl() {
        return http != null ? httpBaseUrl() : httpsBaseUrl();
    }

    public String httpBaseUrl() {
        return http == null ? null : "http://" + urlHost() + ":" + http.port();
    }

    public String httpsBaseUrl() {
        return https == null ? null : "https://" + urlHost() + ":" + https.port();
    }

    /** The HTTP port, or -1. */
    public int port() {
        return http == null ? -1 : http.port();
    }

    /** The HTTPS port, or -1. */
    public int httpsPort() {
        return https == null ? -1 : https.port();
    }

    /** The generated certificate when HTTPS is served, else null: trust it with {@link SelfSignedCertificate#clientContext()}. */
    public SelfSignedCertificate certificate() {
        return certificate;
    }

    public ServerConfig config() {
        return config;
    }

    /** HTTP and HTTPS connections open now. */
    public int openConnections() {
        return (http == null ? 0 : http.connections()) + (https == null ? 0 : https.connections());
    }

    /** Jobs the server remembers (running, or finished and within retention). */
    public int jobCount() {
        return jobs.size();
    }

    private String urlHost() {
        String host = config.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops serving, finishes the running jobs, frees the OCR engines. */
    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        if (https != null) {
            https.close();
        }
        vertx.close();
        runner.close();
        scheduler.shutdownNow();
        requestThreads.shutdownNow();
    }

    /** Options of the server; every one has a default that runs. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int httpsPort = -1;
        private String apiKey;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int queueCapacity = 64;
        private Duration retention = Duration.ofHours(12);
        private boolean deleteOnFetch;
        private double rateLimitFactor;
        private boolean allowUrlDownloads;
        private long maxFileBytes = 100L * 1024 * 1024;
        private final Map<String, WebhookEndpoint> webhooks = new LinkedHashMap<>();
        private int webhookAttempts = 3;
        private Duration webhookRetryDelay = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();
        private Recognizer recognizer;
        private OcrSettings ocrSettings = OcrSettings.defaults();
        private final List<Filter> filters = new ArrayList<>();
        private Duration rateLimitWindow = Duration.ofMinutes(1);
        private HttpLimits httpLimits;
        private DocumentLimits documentLimits = DocumentLimits.defaults();
        private URI publicBaseUrl;

        private Builder() {
        }

        /** The address to listen on; 127.0.0.1 by default, 0.0.0.0 for every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** HTTP port; 0 (the default) picks a free one; -1 serves no plain HTTP. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** HTTPS port with a self-signed certificate made at start; 0 picks a free one; -1 (default) no HTTPS. */
        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        /** The API key clients must send; without one, any key is accepted. */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key;
            return this;
        }

        /** OCR worker threads, each with its own Tesseract engine (default: the number of cores). */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Documents that may wait for a worker; beyond that enqueue answers 429 (default 64). */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /** How long finished jobs and results are kept (default 12 hours, as Mindee). */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Delete a result at its first successful fetch or webhook delivery (Mindee's model option). */
        public Builder deleteOnFetch(boolean delete) {
            this.deleteOnFetch = delete;
            return this;
        }

        /** Mindee's account rate limits times this factor: 1.0 is 200 POST and 1200 GET a minute; 0 (default) none. */
        public Builder rateLimits(double factor) {
            this.rateLimitFactor = factor;
            return this;
        }

        /**
         * The window the rate limits count over (default a minute, as Mindee): a benchmark that runs {@code s} times
         * faster than real time counts the minute's requests over a minute divided by {@code s}.
         */
        public Builder rateLimitWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the rate limit window must be positive");
            }
            this.rateLimitWindow = window;
            return this;
        }

        /** Download {@code url} inputs (default off: the server does not fetch what it is told to). */
        public Builder allowUrlDownloads(boolean allow) {
            this.allowUrlDownloads = allow;
            return this;
        }

        /**
         * What a connection may hold: header and body timeouts, idle timeout, open connections, request size (default
         * {@link HttpLimits#defaults(long)} of {@link #maxFileBytes}).
         */
        public Builder httpLimits(HttpLimits limits) {
            this.httpLimits = limits;
            return this;
        }

        /**
         * What one document may make the server decode: pages, pixels a page, pixels a document (default
         * {@link DocumentLimits#defaults()}); checked before any page is decoded, a job over them fails with 422-004.
         */
        public Builder documentLimits(DocumentLimits limits) {
            this.documentLimits = limits;
            return this;
        }

        /**
         * The scheme and authority clients reach the server by, e.g. {@code https://ocr.example.com}: {@code polling_url}
         * and {@code result_url} start with it, whatever the request's Host and X-Forwarded-* headers say (by default
         * they are taken from those headers, which any client can set).
         */
        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url == null || url.isBlank() ? null : URI.create(url.endsWith("/")
                    ? url.substring(0, url.length() - 1) : url);
            return this;
        }

        /** The largest accepted document (default 100 MB, as Mindee). */
        public Builder maxFileBytes(long bytes) {
            this.maxFileBytes = bytes;
            return this;
        }

        /** A webhook clients can name in {@code webhook_ids}: results are POSTed to the URL, signed with the secret. */
        public Builder webhook(String id, String url, String secret) {
            return webhook(new WebhookEndpoint(id.toLowerCase(Locale.ROOT), URI.create(url), secret));
        }

        public Builder webhook(WebhookEndpoint endpoint) {
            WebhookEndpoint normalized = new WebhookEndpoint(endpoint.id().toLowerCase(Locale.ROOT), endpoint.url(),
                    endpoint.secret());
            webhooks.put(normalized.id(), normalized);
            return this;
        }

        /** Delivery attempts per webhook (default 3), the first retry after {@code retryDelay}, doubling after. */
        public Builder webhookRetries(int attempts, Duration retryDelay) {
            this.webhookAttempts = attempts;
            this.webhookRetryDelay = retryDelay;
            return this;
        }

        /** The clock of timestamps, retention and rate limits (tests and benchmarks move it). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Replaces Tesseract, e.g. with a simulated recogniser for benchmarks; the server closes it when it stops. A
         * {@link SimulatedRecognizer} completes each job by a timer after its simulated processing time, without the
         * worker pool (so without its queue limit).
         */
        public Builder recognizer(Recognizer recognizer) {
            this.recognizer = recognizer;
            return this;
        }

        /**
         * A filter in front of every API route, before the key check and the rate limits: it sees each request and
         * its answer (benchmarks count them, fault injection answers in the route's place or drops the connection).
         */
        public Builder filter(Filter filter) {
            this.filters.add(filter);
            return this;
        }

        /** Tesseract's settings (page segmentation, preprocessing, languages, tessdata directory). */
        public Builder ocrSettings(OcrSettings settings) {
            this.ocrSettings = settings;
            return this;
        }

        /** A directory of {@code *.traineddata} files, for other languages or newer models. */
        public Builder tessdata(Path dir) {
            this.ocrSettings = ocrSettings.withTessdataDir(dir);
            return this;
        }

        /** Tesseract languages, e.g. {@code eng+deu} (all but English need {@link #tessdata(Path)}). */
        public Builder languages(String languages) {
            this.ocrSettings = ocrSettings.withLanguages(languages);
            return this;
        }

        public ServerConfig config() {
            return new ServerConfig(host, port, httpsPort, apiKey, workers, queueCapacity, retention, deleteOnFetch,
                    rateLimitFactor, allowUrlDownloads, maxFileBytes, webhooks, webhookAttempts, webhookRetryDelay,
                    clock, publicBaseUrl);
        }

        /** Starts the server; it listens when this returns. */
        public LocalMindeeServer start() {
            ServerConfig config = config();
            Recognizer engine = recognizer != null ? recognizer : new TesseractRecognizer(ocrSettings, documentLimits);
            try {
                LocalMindeeServer server = new LocalMindeeServer(config, engine, filters, rateLimitWindow,
                        httpLimits != null ? httpLimits : HttpLimits.defaults(maxFileBytes));
                LOG.log(System.Logger.Level.DEBUG, "started with {0}", config);
                return server;
            } catch (IOException e) {
                engine.close();
                throw new UncheckedIOException("cannot listen on " + host + ": " + e.getMessage(), e);
            }
        }
    }
}
