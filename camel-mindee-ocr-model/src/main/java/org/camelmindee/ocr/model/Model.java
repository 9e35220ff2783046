package org.camelmindee.ocr.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A model of the account, with the webhooks configured for it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Model(String id, String name, @JsonProperty("model_type") String modelType, List<ModelWebhook> webhooks) {

    public Model {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }
}
