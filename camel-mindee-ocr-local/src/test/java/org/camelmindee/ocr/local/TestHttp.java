package org.camelmindee.ocr.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.camelmindee.ocr.model.MindeeJson;

/** A plain JDK HTTP client speaking to the server as a Mindee client would, and a multipart form builder. */
public final class TestHttp {

    final HttpClient client;
    final String baseUrl;
    final String apiKey;

    public TestHttp(String baseUrl, String apiKey) {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .build(), baseUrl, apiKey);
    }

    public TestHttp(HttpClient client, String baseUrl, String apiKey) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return send(request(pathOrUrl).GET().build());
    }

    public HttpResponse<String> postMultipart(Form form) throws IOException, InterruptedException {
        return send(request("/v2/products/ocr/enqueue").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    public HttpResponse<String> postJson(String json) throws IOException, InterruptedException {
        return send(request("/v2/products/ocr/enqueue").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpRequest.Builder request(String pathOrUrl) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                : baseUrl + pathOrUrl)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            b.header("Authorization", apiKey);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return MindeeJson.mapper().readTree(response.body());
    }

    /** Polls the job (redirect=false) until it is no longer processing; bounded by the deadline. */
    public JsonNode awaitJob(String pollingUrl, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            JsonNode job = json(get(pollingUrl + "?redirect=false")).get("job");
            if (!"Processing".equals(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(20); // a client's poll interval, in the test only
        }
        throw new AssertionError("job not finished within " + deadline);
    }

    /** An enqueue form for the server's model, to which a test adds its fields. */
    public static Form form() {
        return new Form().field("model_id", LocalMindeeServer.MODEL_ID);
    }

    /** A multipart/form-data body, built as the official clients build theirs. */
    public static final class Form {
        private final String boundary = "----mindee" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Form field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        public Form file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
