package org.camelmindee.ocr.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.MindeeJson;

/** Parses the API's responses: into records, or into a {@link MindeeOcrException} that says what went wrong. */
final class ResponseParser {

    private static final int EXCERPT = 200;

    private ResponseParser() {
    }

    static <T> T parse(HttpResponse<byte[]> response, Class<T> type, String what) {
        try {
            T value = MindeeJson.mapper().readValue(response.body(), type);
            if (value == null) {
                throw new IOException("empty body");
            }
            return value;
        } catch (IOException e) {
            throw new MindeeOcrException("Mindee answered " + what + " with HTTP " + response.statusCode()
                                         + " and a body that is not the expected JSON" + describeBody(response), e);
        }
    }

    /** The exception for an answer that is not a success: the problem document when there is one. */
    static MindeeOcrException failure(HttpResponse<byte[]> response, String what, String jobId, String alias) {
        ErrorResponse problem = problem(response);
        if (problem != null) {
            String described = MindeeOcrException.describe(problem);
            String hint = hint(problem);
            if (!hint.isEmpty() && described.endsWith(".")) {
                // the hint opens a sentence of its own: no second full stop after a detail that ends with one
                described = described.substring(0, described.length() - 1);
            }
            return new MindeeOcrException("Mindee refused " + what + ": " + described + hint, problem, jobId, alias);
        }
        ErrorResponse bare = new ErrorResponse(response.statusCode(), null, null, null);
        return new MindeeOcrException("Mindee answered " + what + " with HTTP " + response.statusCode()
                                      + " and no problem document" + describeBody(response),
                bare, jobId, alias);
    }

    static ErrorResponse problem(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MindeeJson.mapper().readTree(body);
            if (node == null || !node.isObject() || !(node.has("title") || node.has("detail") || node.has("code"))) {
                return null;
            }
            ErrorResponse problem = MindeeJson.mapper().treeToValue(node, ErrorResponse.class);
            return problem.status() == 0
                    ? new ErrorResponse(response.statusCode(), problem.title(), problem.detail(), problem.code(),
                            problem.errors())
                    : problem;
        } catch (IOException e) {
            return null;
        }
    }

    /** What to change, for the problems users meet most. */
    private static String hint(ErrorResponse problem) {
        if ("401-009".equals(problem.code())) {
            return ". Send the raw API key: remove the 'Bearer ' prefix from apiKey";
        }
        if (problem.status() == 401) {
            return ". Check apiKey: it is the key from Mindee's web app, starting with md_";
        }
        return "";
    }

    private static String describeBody(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return " (empty body)";
        }
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        if (text.length() > EXCERPT) {
            text = text.substring(0, EXCERPT) + "...";
        }
        return " (" + type + ", " + body.length + " bytes: \"" + text + "\")";
    }
}
