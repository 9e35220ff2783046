package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.Model;
import org.camelmindee.ocr.model.ModelWebhook;
import org.camelmindee.ocr.model.ModelsResponse;
import org.camelmindee.ocr.model.Pagination;

/**
 * {@code GET /v2/search/models?name=&model_type=}: the one built-in OCR model, with the configured webhooks. The
 * cheapest authenticated call, used by clients as a health check.
 */
final class ModelsHandler extends ApiHandler {

    static final String PATH = "/v2/search/models";

    ModelsHandler(RouteContext context) {
        super(context, "GET");
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        if (!PATH.equals(path(exchange))) {
            throw new ProblemException(Problems.notFound("No route " + exchange.getRequestURI().getPath() + "."));
        }
        Map<String, String> query = HttpExchanges.query(exchange.getRequestURI());
        String name = query.getOrDefault("name", "").strip().toLowerCase(Locale.ROOT);
        String type = query.getOrDefault("model_type", "").strip().toLowerCase(Locale.ROOT);
        List<ModelWebhook> webhooks = context.webhooks().values().stream()
                .map(w -> new ModelWebhook(w.id(), w.id(), w.url().toString())).toList();
        Model model = new Model(LocalModel.ID, LocalModel.NAME, "ocr", webhooks);
        boolean matches = model.name().toLowerCase(Locale.ROOT).contains(name) && (type.isEmpty() || type.equals("ocr"));
        List<Model> models = matches ? List.of(model) : List.of();
        Pagination pagination = new Pagination(50, 1, models.size(), models.isEmpty() ? 0 : 1, null);
        HttpExchanges.sendJson(exchange, 200, new ModelsResponse(models, pagination));
    }
}
