package org.camelmindee.ocr.model;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapper for the API's documents: lenient on input, ISO-8601 timestamps on output. */
public final class MindeeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("mindee-timestamps").addDeserializer(Instant.class, new TimestampDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private MindeeJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A record as JSON bytes; a record the mapper cannot write is a bug, not an input error. */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Parses a timestamp with or without a zone; the API sends both, and a zone-less one is UTC. */
    public static Instant parseTimestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(),
                java.time.OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((java.time.OffsetDateTime) parsed).toInstant();
    }

    static final class TimestampDeserializer extends StdScalarDeserializer<Instant> {

        TimestampDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return parseTimestamp(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 timestamp");
            }
        }
    }
}
