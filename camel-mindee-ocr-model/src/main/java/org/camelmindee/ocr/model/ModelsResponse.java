package org.camelmindee.ocr.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of {@code GET /v2/search/models}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelsResponse(List<Model> models, Pagination pagination) {

    public ModelsResponse {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
