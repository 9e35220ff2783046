package org.camelmindee.ocr.local;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.JobResponse;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.ModelsResponse;
import org.camelmindee.ocr.model.OcrResponse;

/** Every route and every problem, with a stub recogniser so that only the API is under test. */
class ApiRoutesTest {

    static final String KEY = "md_test_key_123";
    static StubRecognizer recognizer;
    static LocalMindeeServer server;
    static TestHttp http;
    static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        recognizer = new StubRecognizer();
        server = LocalMindeeServer.builder().port(0).apiKey(KEY).workers(2).queueCapacity(2)
                .recognizer(recognizer).start();
        http = new TestHttp(server.baseUrl(), KEY);
        png = TestPages.tinyPng();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertTrue(recognizer.closed.get(), "the server closes its recogniser");
    }

    @AfterEach
    void reset() {
        recognizer.failure = null;
        CountDownLatch gate = recognizer.gate;
        recognizer.gate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    @Test
    void enqueueAnswers202WithTheJobAndAbsoluteUrlsFromTheHostHeader() throws Exception {
        recognizer.gate = new CountDownLatch(1);
        HttpResponse<String> response = http.postMultipart(TestHttp.form().field("alias", "my-alias")
                .file("file", "scan.png", png));
        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JobResponse job = MindeeJson.mapper().readValue(response.body(), JobResponse.class);
        assertEquals("Processing", job.job().status().value());
        assertEquals(LocalMindeeServer.MODEL_ID, job.job().modelId());
        assertEquals("scan.png", job.job().filename());
        assertEquals("my-alias", job.job().alias());
        assertNull(job.job().resultUrl());
        assertEquals(server.baseUrl() + "/v2/jobs/" + job.job().id(), job.job().pollingUrl());
        JsonNode raw = TestHttp.json(response).get("job");
        assertTrue(raw.has("result_url") && raw.get("result_url").isNull(), "result_url is sent, as null");
        assertTrue(raw.get("webhooks").isArray());
        assertTrue(raw.has("error") && raw.get("error").isNull());
        java.util.Set<String> fields = new java.util.TreeSet<>();
        raw.fieldNames().forEachRemaining(fields::add);
        assertEquals(new java.util.TreeSet<>(java.util.List.of("id", "model_id", "filename", "alias", "created_at",
                "completed_at", "status", "polling_url", "result_url", "webhooks", "error")), fields,
                "exactly the API's job fields");
        assertTrue(raw.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z"),
                raw.get("created_at").asText());

        // while the recogniser works, the job route answers 200 Processing, even without redirect=false
        HttpResponse<String> polling = http.get(job.job().pollingUrl());
        assertEquals(200, polling.statusCode());
        assertEquals("Processing", TestHttp.json(polling).get("job").get("status").asText());

        // the URLs follow the Host header the client used
        HttpResponse<String> viaOtherHost = http.send(http.request(job.job().pollingUrl())
                .header("X-Forwarded-Host", "ocr.example.test:8443").header("X-Forwarded-Proto", "https").GET().build());
        assertEquals("https://ocr.example.test:8443/v2/jobs/" + job.job().id(),
                TestHttp.json(viaOtherHost).get("job").get("polling_url").asText());
        recognizer.gate.countDown();
        http.awaitJob(job.job().pollingUrl(), Duration.ofSeconds(10));
    }

    @Test
    void processedJobAnswers302WithLocationAndTheJobBodyAndRedirectFalseAnswers200() throws Exception {
        JsonNode enqueued = TestHttp.json(http.postMultipart(TestHttp.form().file("file", "a.png", png))).get("job");
        JsonNode done = http.awaitJob(enqueued.get("polling_url").asText(), Duration.ofSeconds(10));
        assertEquals("Processed", done.get("status").asText());
        String resultUrl = done.get("result_url").asText();
        assertTrue(resultUrl.startsWith(server.baseUrl() + "/v2/products/ocr/results/"), resultUrl);
        assertFalse(done.get("completed_at").isNull(), "a finished job has its completed_at");

        HttpResponse<String> redirect = http.get(enqueued.get("polling_url").asText());
        assertEquals(302, redirect.statusCode());
        assertEquals(resultUrl, redirect.headers().firstValue("Location").orElseThrow());
        JsonNode body = TestHttp.json(redirect).get("job");
        assertEquals("Processed", body.get("status").asText(), "the 302 carries the job in its body");
        assertEquals(resultUrl, body.get("result_url").asText());

        assertEquals(200, http.get(enqueued.get("polling_url").asText() + "?redirect=false").statusCode());

        HttpResponse<String> result = http.get(resultUrl);
        assertEquals(200, result.statusCode());
        OcrResponse ocr = MindeeJson.mapper().readValue(result.body(), OcrResponse.class);
        assertEquals(enqueued.get("id").asText(), ocr.inference().job().id());
        assertEquals(LocalMindeeServer.MODEL_ID, ocr.inference().model().id());
        assertEquals("a.png", ocr.inference().file().name());
        assertEquals("image/png", ocr.inference().file().mimeType(), "detected from the bytes");
        assertEquals(1, ocr.inference().file().pageCount());
        assertEquals("hello world", ocr.text());
        JsonNode raw = TestHttp.json(result).get("inference");
        assertTrue(raw.get("file").has("alias"), "alias is sent even when null");
        assertEquals(4, raw.get("result").get("pages").get(0).get("words").get(0).get("polygon").size());
        // a second fetch works too: results are kept unless delete-on-fetch is on
        assertEquals(200, http.get(resultUrl).statusCode());
    }

    @Test
    void enqueueAcceptsJsonWithFileBase64AndAChunkedMultipartUpload() throws Exception {
        String json = "{\"model_id\":\"" + LocalMindeeServer.MODEL_ID + "\",\"file_base64\":\""
                + Base64.getEncoder().encodeToString(png) + "\",\"filename\":\"b64.png\",\"alias\":\"x\"}";
        HttpResponse<String> response = http.postJson(json);
        assertEquals(202, response.statusCode(), response.body());
        JsonNode job = http.awaitJob(TestHttp.json(response).get("job").get("polling_url").asText(), Duration.ofSeconds(10));
        assertEquals("Processed", job.get("status").asText());
        assertEquals("b64.png", job.get("filename").asText());

        // no Content-Length: the body comes chunked
        TestHttp.Form form = TestHttp.form().field("webhook_ids", "").file("file", "chunked.png", png);
        byte[] bytes = form.bytes();
        HttpRequest chunked = http.request("/v2/products/ocr/enqueue").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes)))
                .build();
        HttpResponse<String> chunkedResponse = http.send(chunked);
        assertEquals(202, chunkedResponse.statusCode(), chunkedResponse.body());
        assertEquals("chunked.png", TestHttp.json(chunkedResponse).get("job").get("filename").asText());
    }

    @Test
    void apiKeyChecks() throws Exception {
        HttpResponse<String> missing = new TestHttp(server.baseUrl(), null).get("/v2/search/models");
        assertProblem(missing, 401, "401-008");
        assertProblem(new TestHttp(server.baseUrl(), "Bearer " + KEY).get("/v2/search/models"), 401, "401-009");
        HttpResponse<String> wrong = new TestHttp(server.baseUrl(), "md_wrong").get("/v2/search/models");
        assertProblem(wrong, 401, "401-001");
        assertEquals("Invalid API key", TestHttp.json(wrong).get("title").asText());
        assertProblem(new TestHttp(server.baseUrl(), "md_wrong").postMultipart(TestHttp.form().file("file", "a.png", png)), 401,
                "401-001");
        assertEquals(200, http.get("/v2/search/models").statusCode());
        // refused before the upload is read: the client still gets the problem, not a reset connection
        byte[] big = new byte[8 * 1024 * 1024];
        System.arraycopy(png, 0, big, 0, png.length);
        assertProblem(new TestHttp(server.baseUrl(), "md_wrong").postMultipart(TestHttp.form().file("file", "big.png", big)),
                401, "401-001");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAProblemNotAReset() throws Exception {
        try (LocalMindeeServer small = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .maxFileBytes(1024 * 1024).start()) {
            // over the file limit, within the request limit (the file as base 64 plus 1 MB of form): the field's problem
            byte[] big = new byte[1536 * 1024];
            System.arraycopy(png, 0, big, 0, png.length);
            HttpResponse<String> response = new TestHttp(small.baseUrl(), "k").postMultipart(TestHttp.form()
                    .file("file", "big.png", big));
            assertField(response, "#/file", "larger than the limit");
            // over the request limit: 413 from the Content-Length, before the body is read
            byte[] huge = new byte[6 * 1024 * 1024];
            assertProblem(new TestHttp(small.baseUrl(), "k").postMultipart(TestHttp.form().file("file", "huge.png", huge)), 413,
                    "413-001");
        }
    }

    @Test
    void aRefusedUploadIsReadToItsEndSoThatItsClientReadsTheAnswer() throws Exception {
        try (LocalMindeeServer small = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .maxFileBytes(1024 * 1024).start()) {
            URI base = URI.create(small.baseUrl());
            // 32 MB against a limit of about 2.3 MB: far more than the sockets' buffers hold, so a server that closed
            // once it had read the limit's worth fails the writes below with a broken pipe or a reset
            int length = 32 * 1024 * 1024;
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v2/products/ocr/enqueue HTTP/1.1\r\nHost: localhost\r\nAuthorization: k\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk);
                }
                socket.setSoTimeout(30_000);
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
                assertTrue(answer.contains("413-001"), answer);
            }
        }
    }

    @Test
    void aServerWithoutKeyAcceptsAnyKey() throws Exception {
        try (LocalMindeeServer open = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1).start()) {
            assertEquals(200, new TestHttp(open.baseUrl(), "anything").get("/v2/search/models").statusCode());
            assertProblem(new TestHttp(open.baseUrl(), null).get("/v2/search/models"), 401, "401-008");
        }
    }

    @Test
    void modelsListsTheBuiltInModelAndFiltersByName() throws Exception {
        HttpResponse<String> all = http.get("/v2/search/models");
        ModelsResponse models = MindeeJson.mapper().readValue(all.body(), ModelsResponse.class);
        assertEquals(1, models.models().size());
        assertEquals(LocalMindeeServer.MODEL_ID, models.models().get(0).id());
        assertEquals("ocr", models.models().get(0).modelType());
        assertEquals(1, models.pagination().totalItems());
        assertEquals(1, MindeeJson.mapper().readValue(http.get("/v2/search/models?name=tesser&model_type=ocr").body(),
                ModelsResponse.class).models().size());
        assertEquals(0, MindeeJson.mapper().readValue(http.get("/v2/search/models?name=invoice").body(),
                ModelsResponse.class).models().size());
        assertEquals(0, MindeeJson.mapper().readValue(http.get("/v2/search/models?model_type=extraction").body(),
                ModelsResponse.class).models().size());
    }

    @Test
    void invalidFormFieldsAnswer422WithPointers() throws Exception {
        assertField(http.postMultipart(new TestHttp.Form().field("model_id", "not-a-uuid").file("file", "a.png", png)),
                "#/model_id", "valid UUID");
        assertField(http.postMultipart(new TestHttp.Form().file("file", "a.png", png)), "#/model_id", "required");
        assertField(http.postMultipart(new TestHttp.Form().field("model_id", "11111111-2222-4333-8444-555555555555")
                .file("file", "a.png", png)), "#/model_id", LocalMindeeServer.MODEL_ID);
        assertField(http.postMultipart(TestHttp.form()), "#/file", "One of file, url or file_base64");
        assertField(http.postMultipart(TestHttp.form().field("url", "https://example.test/a.pdf").file("file", "a.png", png)),
                "#/file", "only one");
        assertField(http.postMultipart(TestHttp.form().field("url", "http://example.test/a.pdf")), "#/url", "https");
        assertField(http.postMultipart(TestHttp.form().field("url", "https://example.test/a.pdf")), "#/url",
                "--allow-url-downloads");
        assertField(http.postMultipart(TestHttp.form().file("file", "a.txt", "just some text, not a document".getBytes())),
                "#/file", "Unsupported file type");
        assertField(http.postMultipart(TestHttp.form().file("file", "empty.png", new byte[0])), "#/file", "empty");
        assertField(http.postMultipart(TestHttp.form().field("webhook_ids", "not-a-uuid").file("file", "a.png", png)),
                "#/webhook_ids", "not a valid UUID");
        assertField(http.postMultipart(TestHttp.form().field("webhook_ids", "11111111-2222-4333-8444-555555555555")
                .file("file", "a.png", png)), "#/webhook_ids", "No webhook");
        assertField(http.postJson("{\"model_id\":\"" + LocalMindeeServer.MODEL_ID + "\",\"file_base64\":\"%%%%not"
                + " base64 at all%%%%\"}"), "#/file_base64", "base 64");
        assertField(http.postJson("{\"model_id\":\"" + LocalMindeeServer.MODEL_ID + "\",\"file\":\"abc\"}"), "#/file",
                "JSON request cannot carry a file");

        // several wrong fields are reported together
        HttpResponse<String> many = http.postMultipart(new TestHttp.Form().field("model_id", "nope"));
        assertProblem(many, 422, "422-001");
        assertEquals(2, TestHttp.json(many).get("errors").size());
    }

    @Test
    void badRequestsAnswerProblems() throws Exception {
        assertProblem(http.send(http.request("/v2/products/ocr/enqueue").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build()), 400, "400-001");
        assertProblem(http.postJson("{not json"), 400, "400-001");
        assertProblem(http.send(http.request("/v2/products/ocr/enqueue")
                .header("Content-Type", "multipart/form-data; boundary=abc")
                .POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-data; name=\"model_id\""
                        + "\r\n\r\nunterminated")).build()), 400, "400-001");
        TestHttp.Form thousandFields = TestHttp.form().file("file", "a.png", png);
        for (int i = 0; i < 1000; i++) {
            thousandFields.field("alias", "x");
        }
        HttpResponse<String> tooManyParts = http.postMultipart(thousandFields);
        assertProblem(tooManyParts, 400, "400-001");
        assertTrue(TestHttp.json(tooManyParts).get("detail").asText().contains("parts"), tooManyParts.body());
        assertProblem(http.get("/v2/products/ocr/enqueue"), 405, "405-001");
        assertProblem(http.get("/v2/jobs/" + java.util.UUID.randomUUID()), 404, "404-001");
        assertProblem(http.get("/v2/products/ocr/results/" + java.util.UUID.randomUUID()), 404, "404-001");
        assertProblem(http.get("/v2/nothing/here"), 404, "404-001");
    }

    @Test
    void aDocumentThatCannotBeReadMakesAFailedJob() throws Exception {
        recognizer.failure = new ProblemException(Problems.unreadableDocument("The PDF is encrypted."));
        JsonNode enqueued = TestHttp.json(http.postMultipart(TestHttp.form().file("file", "a.png", png))).get("job");
        JsonNode job = http.awaitJob(enqueued.get("polling_url").asText(), Duration.ofSeconds(10));
        assertEquals("Failed", job.get("status").asText());
        assertTrue(job.get("result_url").isNull());
        assertEquals(422, job.get("error").get("status").asInt());
        assertEquals("The PDF is encrypted.", job.get("error").get("detail").asText());
        // a failed job is HTTP 200, never a redirect
        assertEquals(200, http.get(enqueued.get("polling_url").asText()).statusCode());
    }

    @Test
    void urlInputsAreDownloadedOnlyWhenAllowedAndADownloadFailureFailsTheJob() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LocalMindeeServer downloading = LocalMindeeServer.builder().recognizer(new StubRecognizer()).workers(1)
                .allowUrlDownloads(true).start()) {
            TestHttp client = new TestHttp(downloading.baseUrl(), "k");
            HttpResponse<String> response = client.postJson("{\"model_id\":\"" + LocalMindeeServer.MODEL_ID
                    + "\",\"url\":\"https://127.0.0.1:" + closedPort + "/scans/page.png\"}");
            assertEquals(202, response.statusCode(), response.body());
            JsonNode job = client.awaitJob(TestHttp.json(response).get("job").get("polling_url").asText(),
                    Duration.ofSeconds(20));
            assertEquals("Failed", job.get("status").asText());
            assertEquals("page.png", job.get("filename").asText(), "the name comes from the URL");
            assertEquals("422-003", job.get("error").get("code").asText());
        }
    }

    @Test
    void aFullQueueAnswers429() throws Exception {
        recognizer.gate = new CountDownLatch(1);
        int accepted = 0;
        HttpResponse<String> last = null;
        // 2 workers busy + 2 waiting: the fifth is refused
        for (int i = 0; i < 6; i++) {
            last = http.postMultipart(TestHttp.form().file("file", "q.png", png));
            if (last.statusCode() == 202) {
                accepted++;
            } else {
                break;
            }
            if (i < 2) {
                waitForCalls(i + 1);
            }
        }
        assertEquals(4, accepted);
        assertProblem(last, 429, "429-002");
    }

    private static void waitForCalls(int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (recognizer.calls.get() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode problem = TestHttp.json(response);
        assertEquals(status, problem.get("status").asInt());
        assertEquals(code, problem.get("code").asText(), response.body());
        assertFalse(problem.get("title").asText().isBlank());
        assertFalse(problem.get("detail").asText().isBlank());
        assertTrue(problem.get("errors").isArray());
    }

    static void assertField(HttpResponse<String> response, String pointer, String detailPart) throws Exception {
        assertProblem(response, 422, "422-001");
        JsonNode errors = TestHttp.json(response).get("errors");
        boolean found = false;
        for (JsonNode error : errors) {
            found |= pointer.equals(error.get("pointer").asText()) && error.get("detail").asText().contains(detailPart);
        }
        assertTrue(found, "expected " + pointer + " '" + detailPart + "' in " + errors);
    }

}
