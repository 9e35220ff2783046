package org.camelmindee.ocr.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Paging of a search answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pagination(
        @JsonProperty("per_page") Integer perPage,
        Integer page,
        @JsonProperty("total_items") Integer totalItems,
        @JsonProperty("total_pages") Integer totalPages,
        @JsonProperty("total_items_unfiltered") Integer totalItemsUnfiltered) {
}
