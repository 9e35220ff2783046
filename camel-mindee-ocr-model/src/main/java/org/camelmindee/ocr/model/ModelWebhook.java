package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A webhook configured on a model. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelWebhook(String id, String name, String url) {
}
