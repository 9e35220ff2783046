package org.camelmindee.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * Camel's developer console for the component: for each webhook route, the path served and the deliveries accepted,
 * dropped as duplicates, failed in the route, and refused (bad signature, too large, malformed). Never shows a secret.
 */
@DevConsole(name = "mindee-ocr", displayName = "Mindee OCR", description = "Mindee OCR webhooks and their deliveries")
public class MindeeOcrDevConsole extends AbstractDevConsole {

    public MindeeOcrDevConsole() {
        super("camel", "mindee-ocr", "Mindee OCR", "Mindee OCR webhooks and their deliveries");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        List<Route> routes = webhookRoutes();
        sb.append(String.format("Webhooks: %d%n", routes.size()));
        for (Route route : routes) {
            MindeeOcrWebhookConsumer c = (MindeeOcrWebhookConsumer) route.getConsumer();
            sb.append(String.format("%n    POST %s (route %s, %s, %s)%n", c.getPath(), route.getRouteId(),
                    c.isServing() ? "serving" : "not serving",
                    c.isSignatureRequired() ? "signature required" : "UNSIGNED accepted"));
            sb.append(String.format("        Accepted: %d, duplicates: %d, failed in the route: %d%n", c.getAccepted(),
                    c.getDuplicates(), c.getFailed()));
            sb.append(String.format("        Refused: %d (signature: %d, too large: %d, malformed: %d)%n", c.getRefused(),
                    c.getRefusedSignature(), c.getRefusedSize(), c.getRefusedMalformed()));
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> webhooks = new ArrayList<>();
        for (Route route : webhookRoutes()) {
            MindeeOcrWebhookConsumer c = (MindeeOcrWebhookConsumer) route.getConsumer();
            JsonObject jo = new JsonObject();
            jo.put("routeId", route.getRouteId());
            jo.put("path", c.getPath());
            jo.put("serving", c.isServing());
            jo.put("signatureRequired", c.isSignatureRequired());
            jo.put("accepted", c.getAccepted());
            jo.put("duplicates", c.getDuplicates());
            jo.put("failed", c.getFailed());
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("total", c.getRefused());
            refused.put("signature", c.getRefusedSignature());
            refused.put("tooLarge", c.getRefusedSize());
            refused.put("malformed", c.getRefusedMalformed());
            jo.put("refused", new JsonObject(refused));
            webhooks.add(jo);
        }
        root.put("webhooks", webhooks);
        return root;
    }

    private List<Route> webhookRoutes() {
        return getCamelContext().getRoutes().stream()
                .filter(r -> r.getConsumer() instanceof MindeeOcrWebhookConsumer)
                .toList();
    }
}
