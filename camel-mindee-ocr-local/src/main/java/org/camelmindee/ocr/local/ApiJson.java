package org.camelmindee.ocr.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camelmindee.ocr.model.Job;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * The shared mapper, plus what the server must not send: the model's convenience accessors {@code Job.isProcessed()}
 * and {@code isFailed()} look like bean properties to Jackson, and the API has no {@code processed} or {@code failed}
 * field. A mix-in hides them here without touching the shared records.
 */
final class ApiJson {

    private static final ObjectMapper MAPPER = MindeeJson.mapper().copy().addMixIn(Job.class, JobMixIn.class);

    private ApiJson() {
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    abstract static class JobMixIn {
        @JsonIgnore
        abstract boolean isProcessed();

        @JsonIgnore
        abstract boolean isFailed();
    }
}
