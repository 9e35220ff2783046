package org.camelmindee.ocr.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camelmindee.ocr.local.problem.ProblemException;
import org.camelmindee.ocr.local.problem.Problems;
import org.camelmindee.ocr.model.Document;
import org.camelmindee.ocr.model.DocumentType;
import org.camelmindee.ocr.model.EnqueueRequest;
import org.camelmindee.ocr.model.ErrorItem;
import org.camelmindee.ocr.model.MindeeIds;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * Reads and validates an enqueue request, multipart or JSON, with Mindee's rules: {@code model_id} a UUID of a model
 * of this server, exactly one of {@code file}, {@code url} (https) or {@code file_base64}, known webhook ids. Every
 * field that is wrong is reported at once, as a 422 with one {@code errors[]} item per field.
 */
final class EnqueueRequestReader {

    private static final int MAX_TEXT_FIELD_BYTES = 64 * 1024;

    private final RouteContext config;

    EnqueueRequestReader(RouteContext config) {
        this.config = config;
    }

    EnqueueRequest read(String contentType, InputStream body) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return readMultipart(contentType, body);
        }
        if (type.startsWith("application/json") || type.matches("application/[a-z.+-]*\\+json.*")) {
            return readJson(body);
        }
        throw new ProblemException(Problems.badRequest("Send the form as multipart/form-data (or application/json with"
                + " url or file_base64); the request's content type was '" + contentType + "'."));
    }

    private EnqueueRequest readMultipart(String contentType, InputStream body) throws IOException {
        // base64 makes a document a third larger: allow for it in every part, then check each field's own limit
        long partLimit = config.maxFileBytes() / 3 * 4 + 1024;
        Form form = new Form();
        try (MultipartParser.Form parts = MultipartParser.parse(contentType, body, partLimit)) {
            for (MultipartParser.Part part : parts.parts()) {
                String name = part.name();
                if ("file".equals(name)) {
                    form.fileCount++;
                    // a second file is refused whatever it holds: read only the first
                    if (form.fileCount == 1) {
                        form.file = part.body();
                        form.partFilename = part.filename();
                    }
                } else if (part.size() > MAX_TEXT_FIELD_BYTES && !"file_base64".equals(name)) {
                    form.errors.add(new ErrorItem("#/" + name, "The field is too long."));
                } else {
                    form.add(name, part.text());
                }
            }
        }
        return form.validate();
    }

    private EnqueueRequest readJson(InputStream body) throws IOException {
        JsonNode root;
        try {
            root = MindeeJson.mapper().readTree(body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                    config.maxFileBytes() / 3 * 4 + MAX_TEXT_FIELD_BYTES)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Problems.badRequest("The request body is not valid JSON."));
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(Problems.badRequest("The request body must be a JSON object."));
        }
        Form form = new Form();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if ("file".equals(field.getKey())) {
                form.errors.add(new ErrorItem("#/file", "A JSON request cannot carry a file: send file_base64 or url,"
                        + " or send the file as multipart/form-data."));
            } else if (value.isArray()) {
                value.forEach(v -> form.add(field.getKey(), v.asText()));
            } else if (value.isValueNode()) {
                form.add(field.getKey(), value.asText());
            }
        }
        return form.validate();
    }

    /** The fields as received, then checked together. */
    private final class Form {
        final Map<String, List<String>> fields = new LinkedHashMap<>();
        final List<ErrorItem> errors = new ArrayList<>();
        byte[] file;
        int fileCount;
        String partFilename;

        void add(String name, String value) {
            // some clients name list fields webhook_ids[]
            String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }

        String single(String name) {
            List<String> values = fields.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                errors.add(new ErrorItem("#/" + name, "The field is given more than once."));
            }
            String v = values.get(0).strip();
            return v.isEmpty() ? null : v;
        }

        EnqueueRequest validate() {
            String modelId = single("model_id");
            if (modelId == null) {
                errors.add(new ErrorItem("#/model_id", "Field required."));
            } else if (!MindeeIds.isUuid(modelId)) {
                errors.add(new ErrorItem("#/model_id", "model_id must be a valid UUID format"));
            } else if (!LocalModel.ID.equalsIgnoreCase(modelId)) {
                errors.add(new ErrorItem("#/model_id", "No OCR model with this id: this local server has one, "
                        + LocalModel.ID + " (see GET /v2/search/models)."));
            }
            String url = single("url");
            String base64 = fields.containsKey("file_base64") ? fields.get("file_base64").get(0).strip() : null;
            if (base64 != null && base64.isEmpty()) {
                base64 = null;
            }
            int given = (fileCount > 0 ? 1 : 0) + (url != null ? 1 : 0) + (base64 != null ? 1 : 0);
            if (fileCount > 1) {
                errors.add(new ErrorItem("#/file", "Send one file per request."));
            }
            if (given == 0) {
                errors.add(new ErrorItem("#/file", "One of file, url or file_base64 is required."));
            } else if (given > 1) {
                errors.add(new ErrorItem("#/file", "Send only one of file, url or file_base64."));
            }
            byte[] document = null;
            URI uri = null;
            if (fileCount == 1 && given == 1) {
                document = checkDocument("file", file);
            }
            if (base64 != null && given == 1) {
                document = checkDocument("file_base64", decodeBase64(base64));
            }
            if (url != null && given == 1) {
                uri = checkUrl(url);
            }
            List<String> webhookIds = webhookIds();
            String filename = single("filename");
            String alias = single("alias");
            if (!errors.isEmpty()) {
                throw new ProblemException(Problems.invalidFields(errors));
            }
            if (filename == null) {
                filename = partFilename != null && !partFilename.isBlank() ? baseName(partFilename)
                        : uri != null ? nameFromUrl(uri) : null;
            }
            // the shared model record leaves names as given: the engine stores and echoes only cleaned ones
            filename = FileNames.clean(filename);
            Document received = document != null ? Document.ofBytes(document, filename, DocumentType.sniff(document))
                    : Document.ofUrl(uri.toString(), filename);
            return new EnqueueRequest(modelId.toLowerCase(Locale.ROOT), received, filename, alias, webhookIds);
        }

        private byte[] decodeBase64(String text) {
            if (text.length() < 15) {
                errors.add(new ErrorItem("#/file_base64", "file_base64 must be at least 15 characters long."));
                return null;
            }
            String data = text;
            // a data URL is accepted too: data:application/pdf;base64,....
            if (data.startsWith("data:") && data.contains(",")) {
                data = data.substring(data.indexOf(',') + 1);
            }
            // line breaks are allowed (MIME style), anything else outside the alphabet is not
            data = data.replaceAll("\\s+", "");
            try {
                return data.indexOf('-') >= 0 || data.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(data)
                        : Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                errors.add(new ErrorItem("#/file_base64", "file_base64 is not valid base 64."));
                return null;
            }
        }

        private byte[] checkDocument(String field, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0) {
                errors.add(new ErrorItem("#/" + field, "The file is empty."));
                return null;
            }
            if (bytes.length > config.maxFileBytes()) {
                errors.add(new ErrorItem("#/" + field, "The file is larger than the limit of " + config.maxFileBytes()
                        + " bytes."));
                return null;
            }
            if (DocumentType.sniff(bytes) == null) {
                errors.add(new ErrorItem("#/" + field, looksLikeDamagedPdf(bytes)
                        ? "The file looks like a PDF but is corrupt: it has no %PDF- header."
                        : "Unsupported file type: send a PDF, JPEG, PNG, WebP, TIFF, HEIC or HEIF file."));
                return null;
            }
            return bytes;
        }

        private URI checkUrl(String url) {
            if (url.length() > 2048) {
                errors.add(new ErrorItem("#/url", "The URL is longer than 2048 characters."));
                return null;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                errors.add(new ErrorItem("#/url", "The URL is not valid."));
                return null;
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                errors.add(new ErrorItem("#/url", "The URL must be a secure (https) URL."));
                return null;
            }
            if (!config.allowUrlDownloads()) {
                errors.add(new ErrorItem("#/url", "This local server does not download URLs unless it is started with"
                        + " --allow-url-downloads (or MINDEE_LOCAL_ALLOW_URL_DOWNLOADS=true, or"
                        + " allowUrlDownloads(true) when embedded). Send the file itself instead."));
                return null;
            }
            return uri;
        }

        private List<String> webhookIds() {
            List<String> ids = new ArrayList<>();
            for (String value : fields.getOrDefault("webhook_ids", List.of())) {
                for (String id : value.split(",")) {
                    String trimmed = id.strip();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!MindeeIds.isUuid(trimmed)) {
                        errors.add(new ErrorItem("#/webhook_ids", "'" + trimmed + "' is not a valid UUID."));
                    } else if (!config.webhooks().containsKey(trimmed.toLowerCase(Locale.ROOT))) {
                        errors.add(new ErrorItem("#/webhook_ids", "No webhook with id " + trimmed
                                + " is configured on this server."));
                    } else if (!ids.contains(trimmed.toLowerCase(Locale.ROOT))) {
                        ids.add(trimmed.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return ids;
        }
    }

    private static boolean looksLikeDamagedPdf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains(" obj") && (head.contains("endobj") || head.contains("stream"));
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static String nameFromUrl(URI uri) {
        String path = uri.getPath();
        String name = path == null ? "" : baseName(path);
        return name.isBlank() ? uri.getHost() : name;
    }
}
