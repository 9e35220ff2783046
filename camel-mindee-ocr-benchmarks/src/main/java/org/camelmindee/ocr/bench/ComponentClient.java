package org.camelmindee.ocr.bench;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.camelmindee.ocr.MindeeOcrComponent;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.MindeeOcrException;
import org.camelmindee.ocr.api.ApiStatistics;
import org.camelmindee.ocr.api.RateBudget;
import org.camelmindee.ocr.api.RateBudgetStore;
import org.camelmindee.ocr.poll.PollPlanner;
import org.camelmindee.ocr.local.LocalMindeeServer;

/**
 * The component in a Camel context, as a route would use it: {@code direct:ocr} to {@code mindee-ocr:ocr} (polling),
 * or {@code direct:ocr} to {@code mindee-ocr:enqueue} with a webhook id and a {@code mindee-ocr:webhook} route on
 * Vert.x (webhooks). Each document is sent asynchronously and its outcome recorded when the exchange completes.
 */
final class ComponentClient implements BenchClient {

    private final Scenario scenario;
    private final boolean webhooks;
    private final String baseUrl;
    private final Integer webhookPort;
    private final File upload;
    private final Outcomes outcomes;
    private final byte[] document;
    private CamelContext context;
    private MindeeOcrComponent component;
    private AsyncProducer producer;
    private RateBudgetStore rateBudgets;

    ComponentClient(Scenario scenario, boolean webhooks, String baseUrl, Integer webhookPort, File upload,
                    Outcomes outcomes) {
        this.scenario = scenario;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
        this.webhookPort = webhookPort;
        this.upload = upload;
        this.outcomes = outcomes;
        this.document = upload == null ? Documents.png((int) scenario.documentSize()) : null;
    }

    /** Counts the account's budget in this store, shared with other instances (the fleet), not in this JVM. */
    void rateBudgets(RateBudgetStore store) {
        this.rateBudgets = store;
    }

    @Override
    public void start() throws Exception {
        context = new DefaultCamelContext();
        component = new MindeeOcrComponent();
        // the scenario runs scale times faster than real time: the account's per-minute limits count over a window
        // that much shorter; the polling delays are set below, in real milliseconds
        long window = Math.round(RateBudget.MINUTE_WINDOW.toNanos() / scenario.scale());
        component.setRateBudgetWindow(Duration.ofNanos(window));
        if (rateBudgets != null) {
            component.getConfiguration().setRateBudget(rateBudgets);
        }
        context.addComponent("mindee-ocr", component);
        String common = "apiKey=RAW(" + SimulatedMindee.API_KEY + ")&modelId=" + LocalMindeeServer.MODEL_ID
                        + "&baseUrl=" + baseUrl
                        + "&pollInitialDelay=" + scenario.realMillis(2)
                        + "&pollInterval=" + scenario.realMillis(1)
                        + "&pollTimeout=" + scenario.realMillis(600);
        if (webhooks) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(webhookPort);
            context.addService(new VertxPlatformHttpServer(server));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (webhooks) {
                    from("direct:ocr").to("mindee-ocr:enqueue?" + common + "&webhookIds=" + SimulatedMindee.WEBHOOK_ID);
                    from("mindee-ocr:webhook?webhookPath=" + SimulatedMindee.WEBHOOK_PATH + "&webhookSecret=RAW("
                         + SimulatedMindee.WEBHOOK_SECRET + ")")
                            .onException(MindeeOcrException.class).handled(true)
                                .process(e -> outcomes.failed(index(e), e.getProperty(Exchange.EXCEPTION_CAUGHT,
                                        Exception.class)))
                            .end()
                            .process(e -> outcomes.ok(index(e)));
                } else {
                    from("direct:ocr").to("mindee-ocr:ocr?" + common);
                }
            }
        });
        context.start();   // VertxPlatformHttpServer starts listening before start() returns
        producer = context.getEndpoint("direct:ocr").createAsyncProducer();
        producer.start();
    }

    private int index(Exchange exchange) {
        return scenario.index(exchange.getMessage().getHeader(MindeeOcrConstants.ALIAS, String.class));
    }

    @Override
    public void submit(int index) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(upload != null ? upload : document);
        exchange.getMessage().setHeader(MindeeOcrConstants.ALIAS, scenario.alias(index));
        exchange.getMessage().setHeader(MindeeOcrConstants.FILENAME, "doc-" + index + ".png");
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                outcomes.failed(index, exchange.getException());
            } else if (!webhooks) {
                outcomes.ok(index);
            }
        });
    }

    @Override
    public List<String> counters() {
        ApiStatistics stats = component.getStatistics();
        return List.of("clientPolls=" + stats.polls(), "clientResults=" + stats.results(),
                "clientRetries=" + stats.retries(), "client429=" + stats.throttled(),
                "clientEnqueues=" + stats.enqueues(), "learned=" + learned(component.pollPlanner(LocalMindeeServer.MODEL_ID)));
    }

    /** What the component learned of the model's processing times: quantiles 0.1, 0.5, 0.9 in scenario seconds. */
    private String learned(PollPlanner planner) {
        if (planner.count() == 0) {
            return "no samples (no job was polled to its end)";
        }
        double scale = scenario.scale();
        return String.format(Locale.ROOT, "%d samples, q10 %.2f s, q50 %.2f s, q90 %.2f s", planner.count(),
                planner.quantile(0.1) * scale / 1e9, planner.quantile(0.5) * scale / 1e9,
                planner.quantile(0.9) * scale / 1e9);
    }

    @Override
    public void close() throws Exception {
        if (context != null) {
            context.stop();
        }
    }
}
