package org.camelmindee.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;
import org.camelmindee.ocr.api.ApiStatistics;

/**
 * Camel's developer console for the component: the producers' jobs in flight, requests made, retries, 429s and the
 * last error; for each webhook route, the path served and the deliveries accepted,
 * dropped as duplicates, failed in the route, and refused (bad signature, too large, malformed). Never shows a secret.
 */
@DevConsole(name = "mindee-ocr", displayName = "Mindee OCR",
            description = "Mindee OCR jobs in flight, requests, webhooks and their deliveries")
public class MindeeOcrDevConsole extends AbstractDevConsole {

    public MindeeOcrDevConsole() {
        super("camel", "mindee-ocr", "Mindee OCR", "Mindee OCR jobs in flight, requests, webhooks and their deliveries");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        MindeeOcrComponent component = component();
        if (component != null) {
            ApiStatistics stats = component.getStatistics();
            sb.append(String.format("Jobs in flight: %d%n", component.jobsInFlight().sum()));
            sb.append(String.format("Requests: %d enqueues, %d polls, %d results, %d searches%n", stats.enqueues(),
                    stats.polls(), stats.results(), stats.searches()));
            sb.append(String.format("Retries: %d, answers 429: %d%n", stats.retries(), stats.throttled()));
            sb.append(String.format("Last error: %s%n%n", stats.lastError() == null ? "none" : stats.lastError()));
        }
        List<Route> routes = webhookRoutes();
        sb.append(String.format("Webhooks: %d%n", routes.size()));
        for (Route route : routes) {
            MindeeOcrWebhookConsumer c = (MindeeOcrWebhookConsumer) route.getConsumer();
            MindeeOcrWebhookStatistics w = c.getStatistics();
            sb.append(String.format("%n    POST %s (route %s, %s, %s)%n", c.getPath(), route.getRouteId(),
                    c.isServing() ? "serving" : "not serving",
                    c.isSignatureRequired() ? "signature required" : "UNSIGNED accepted"));
            sb.append(String.format("        Accepted: %d, duplicates: %d, failed in the route: %d%n", w.accepted(),
                    w.duplicates(), w.failed()));
            sb.append(String.format("        Refused: %d (signature: %d, too large: %d, malformed: %d)%n", w.refused(),
                    w.refusedSignature(), w.refusedSize(), w.refusedMalformed()));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        MindeeOcrComponent component = component();
        if (component != null) {
            ApiStatistics stats = component.getStatistics();
            root.put("jobsInFlight", component.jobsInFlight().sum());
            root.put("enqueues", stats.enqueues());
            root.put("polls", stats.polls());
            root.put("results", stats.results());
            root.put("searches", stats.searches());
            root.put("retries", stats.retries());
            root.put("throttled", stats.throttled());
            root.put("lastError", stats.lastError());
        }
        List<JsonObject> webhooks = new ArrayList<>();
        for (Route route : webhookRoutes()) {
            MindeeOcrWebhookConsumer c = (MindeeOcrWebhookConsumer) route.getConsumer();
            MindeeOcrWebhookStatistics w = c.getStatistics();
            JsonObject jo = new JsonObject();
            jo.put("routeId", route.getRouteId());
            jo.put("path", c.getPath());
            jo.put("serving", c.isServing());
            jo.put("signatureRequired", c.isSignatureRequired());
            jo.put("accepted", w.accepted());
            jo.put("duplicates", w.duplicates());
            jo.put("failed", w.failed());
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("total", w.refused());
            refused.put("signature", w.refusedSignature());
            refused.put("tooLarge", w.refusedSize());
            refused.put("malformed", w.refusedMalformed());
            jo.put("refused", new JsonObject(refused));
            webhooks.add(jo);
        }
        root.put("webhooks", webhooks);
        return root;
    }

    private MindeeOcrComponent component() {
        return getCamelContext().hasComponent("mindee-ocr") instanceof MindeeOcrComponent c ? c : null;
    }

    private List<Route> webhookRoutes() {
        return getCamelContext().getRoutes().stream()
                .filter(r -> r.getConsumer() instanceof MindeeOcrWebhookConsumer)
                .toList();
    }
}
