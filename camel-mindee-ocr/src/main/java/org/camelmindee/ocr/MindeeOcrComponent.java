package org.camelmindee.ocr;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelmindee.ocr.api.ApiStatistics;
import org.camelmindee.ocr.api.RateBudget;
import org.camelmindee.ocr.api.RateBudgetStore;
import org.camelmindee.ocr.api.RequestBudget;
import org.camelmindee.ocr.api.RequestLanes;
import org.camelmindee.ocr.journal.DocumentKeys;
import org.camelmindee.ocr.journal.InMemoryJobJournal;
import org.camelmindee.ocr.journal.JobJournal;
import org.camelmindee.ocr.api.TrustAllCertificates;
import org.camelmindee.ocr.poll.PollPlanner;
import org.camelmindee.ocr.telemetry.Telemetry;
import org.camelmindee.ocr.telemetry.TelemetryLoader;

/**
 * The Mindee OCR component. It owns what its endpoints share: the HTTP clients, the scheduler that runs every poll,
 * the account's rate budgets (one pair per API key, whatever the endpoint), and the processing times seen per model.
 */
@Component("mindee-ocr")
public class MindeeOcrComponent extends HealthCheckComponent {

    @Metadata(description = "The default options of every endpoint of this component.")
    private MindeeOcrConfiguration configuration = new MindeeOcrConfiguration();

    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();
    private volatile Duration rateBudgetWindow = RateBudget.MINUTE_WINDOW;
    private final Map<String, RequestLanes> lanes = new ConcurrentHashMap<>();
    private JobJournal journal;
    private final Map<String, PollPlanner> pollPlanners = new ConcurrentHashMap<>();
    private final Map<HttpClientKey, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final ApiStatistics statistics = new ApiStatistics();
    private final LongAdder jobsInFlight = new LongAdder();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService httpExecutor;
    private Telemetry telemetry;

    public MindeeOcrComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MindeeOcrConfiguration config = configuration.copy();
        config.setOperation(MindeeOcrEndpoint.parseOperation(remaining));
        MindeeOcrEndpoint endpoint = new MindeeOcrEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MindeeOcrConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MindeeOcrConfiguration configuration) {
        this.configuration = configuration;
    }

    /** What the component's clients did, over all endpoints. */
    public ApiStatistics getStatistics() {
        return statistics;
    }

    /** Jobs the producers of this component are waiting for. */
    public LongAdder jobsInFlight() {
        return jobsInFlight;
    }

    /**
     * The window the account's per-minute limits ({@code maxEnqueuesPerMinute}, {@code maxGetsPerMinute}) are counted
     * over: a minute and half a second of margin. Not an option for routes: the seam for a run on a faster clock, such
     * as the benchmarks', which shorten it by their time scale. Set it before the first endpoint starts.
     */
    public Duration getRateBudgetWindow() {
        return rateBudgetWindow;
    }

    public void setRateBudgetWindow(Duration rateBudgetWindow) {
        this.rateBudgetWindow = rateBudgetWindow;
    }

    /**
     * The enqueue budget of an account, shared by every endpoint with that key; made on first use, in this JVM or, with
     * a {@code store}, shared by every instance that uses it.
     */
    RequestBudget enqueueBudget(String apiKey, int perMinute, RateBudgetStore store) {
        return budget("enqueue", apiKey, perMinute, store);
    }

    /** The budget of GET requests (polls, results, searches) of an account, shared likewise; made on first use. */
    RequestBudget readBudget(String apiKey, int perMinute, RateBudgetStore store) {
        return budget("read", apiKey, perMinute, store);
    }

    private RequestBudget budget(String kind, String apiKey, int perMinute, RateBudgetStore store) {
        if (store == null) {
            return budgets.computeIfAbsent(kind + ":" + apiKey,
                    k -> new RateBudget(perMinute, rateBudgetWindow.toNanos(), TimeUnit.NANOSECONDS));
        }
        // the store names the budget after a digest of the key: the key itself never leaves the JVM
        String account = "account-" + DocumentKeys.sha256(apiKey.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return budgets.computeIfAbsent(kind + ":" + apiKey + ":" + System.identityHashCode(store),
                k -> store.budget(account + ":" + kind, perMinute, rateBudgetWindow.toNanos()));
    }

    /** The lanes to one API host (scheme, host and port), shared by every endpoint that calls it. */
    RequestLanes lanes(URI target, int max) {
        return lanes.computeIfAbsent(target.getScheme() + "://" + target.getRawAuthority() + "#" + max,
                k -> new RequestLanes(max));
    }

    /** The endpoint's journal, or the component's own in memory when the endpoint names none. */
    JobJournal journal(JobJournal configured) {
        if (configured != null) {
            return configured;
        }
        synchronized (this) {
            if (journal == null) {
                journal = new InMemoryJobJournal();
            }
            return journal;
        }
    }

    /** What the component has learned of a model's processing times, and plans its polls from. */
    public PollPlanner pollPlanner(String modelId) {
        return pollPlanners.computeIfAbsent(Objects.toString(modelId, ""), k -> new PollPlanner());
    }

    /** The meters and spans, from what the runtime has (docs/operations.md); looked up when the first endpoint starts. */
    synchronized Telemetry telemetry() {
        if (telemetry == null) {
            telemetry = TelemetryLoader.load(getCamelContext());
        }
        return telemetry;
    }

    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            // every waiting poll and every request waiting for the rate budget is a task here: Camel's default
            // profile caps the queue at 1000 and would refuse the 1001st document of a burst
            scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "MindeeOcrPoll",
                    unboundedQueue("MindeeOcrPoll", 1));
        }
        return scheduler;
    }

    private ThreadPoolProfile unboundedQueue(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(-1);
        profile.addDefaults(getCamelContext().getExecutorServiceManager().getDefaultThreadPoolProfile());
        return profile;
    }

    /** One client per TLS configuration and connect timeout, reused by every endpoint that shares them. */
    HttpClient httpClient(SSLContextParameters ssl, boolean trustAll, long connectTimeoutMillis) throws Exception {
        HttpClientKey key = new HttpClientKey(ssl, trustAll, connectTimeoutMillis);
        HttpClient existing = httpClients.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (httpExecutor == null) {
                // the JDK client runs its callbacks here: a few threads carry any number of documents in flight
                httpExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "MindeeOcrHttp", 2, 4);
            }
            // HTTP/1.1: over HTTP/2 the JDK client fails requests past the server's stream limit instead of queueing
            // them ("too many concurrent streams"), and a burst of documents easily passes it
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                    .executor(httpExecutor);
            if (trustAll) {
                builder.sslContext(TrustAllCertificates.sslContext());
            } else if (ssl != null) {
                SSLContext context = ssl.createSSLContext(getCamelContext());
                builder.sslContext(context);
            }
            return httpClients.computeIfAbsent(key, k -> builder.build());
        }
    }

    @Override
    protected void doStop() throws Exception {
        httpClients.clear();
        synchronized (this) {
            telemetry = null;
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(httpExecutor);
            httpExecutor = null;
        }
        super.doStop();
    }

    private record HttpClientKey(SSLContextParameters ssl, boolean trustAll, long connectTimeout) {
    }
}
