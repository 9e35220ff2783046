package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine called the way Mindee's official Java client (5.2.0) calls it in {@code enqueueAndGetResult}: the
 * multipart body as Apache HttpClient 5 writes it (the file part first, typed {@code application/octet-stream}, a
 * charset before the boundary, text parts typed {@code text/plain; charset=UTF-8}); then {@code GET <base>/jobs/{id}}
 * without following redirects, reading {@code job.status} from the body until {@code Processed}; then the result
 * fetched with the <b>job's</b> id, {@code GET <base>/products/ocr/results/{job id}}, as that client (and the Python
 * one) does, never with the {@code result_url}. Over HTTP and HTTPS.
 */
class OfficialClientFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void enqueueAndGetResultAsTheJavaClientDoes(boolean https) throws Exception {
        LocalMindeeServer.Builder builder = LocalMindeeServer.builder().apiKey("md_client").workers(1);
        builder = https ? builder.port(-1).httpsPort(0) : builder.port(0);
        try (LocalMindeeServer server = builder.start()) {
            HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (https) {
                client.sslContext(server.certificate().clientContext());
            }
            HttpClient http = client.build();
            String base = server.baseUrl() + "/v2"; // what MINDEE_V2_API_URL holds

            String boundary = "httpclient_boundary_" + UUID.randomUUID();
            byte[] page = TestPages.png(TestPages.draw(0).image());
            HttpResponse<String> enqueued = http.send(request(base + "/products/ocr/enqueue")
                    .header("Content-Type", "multipart/form-data; charset=ISO-8859-1; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, page))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, enqueued.statusCode(), enqueued.body());
            String jobId = JSON.readTree(enqueued.body()).path("job").path("id").asText();

            JsonNode job = null;
            for (int poll = 0; poll < 600; poll++) {
                Thread.sleep(100);
                HttpResponse<String> polled = http.send(request(base + "/jobs/" + jobId).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(polled.statusCode() == 200 || polled.statusCode() == 302, polled.body());
                job = JSON.readTree(polled.body()).path("job");
                if (!"Processing".equals(job.path("status").asText())) {
                    break;
                }
            }
            assertEquals("Processed", job.path("status").asText(), job.toString());

            HttpResponse<String> result = http.send(request(base + "/products/ocr/results/" + jobId).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, result.statusCode(), "the results route answers for the job id: " + result.body());
            JsonNode inference = JSON.readTree(result.body()).path("inference");
            assertEquals(jobId, inference.path("id").asText(), "the inference id is the job id");
            assertEquals(jobId, inference.path("job").path("id").asText());
            assertEquals("invoice.png", inference.path("file").path("name").asText());
            assertEquals("client-check", inference.path("file").path("alias").asText());
            JsonNode words = inference.path("result").path("pages").path(0).path("words");
            assertTrue(words.size() > 50, "the page's words: " + words.size());
            assertTrue(job.path("result_url").asText().endsWith("/results/" + jobId), job.toString());
        }
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "md_client")
                .header("User-Agent", "mindee-api-java@v5.2.0 java-v17 linux");
    }

    /** The body Apache HttpClient 5's MultipartEntityBuilder writes in EXTENDED mode for the client's call. */
    private static byte[] body(String boundary, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String fileHead = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"invoice.png\""
                          + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(fileHead.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        String rest = "\r\n" + text(boundary, "model_id", LocalMindeeServer.MODEL_ID)
                      + text(boundary, "alias", "client-check") + "--" + boundary + "--\r\n";
        out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String text(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
               + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n";
    }
}
