package org.camelmindee.ocr.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.camelmindee.ocr.local.http.HttpLimits;
import org.camelmindee.ocr.local.jobs.WebhookEndpoint;
import org.camelmindee.ocr.local.recognition.DocumentLimits;

/**
 * The command line: {@code java -jar camel-mindee-ocr-local.jar [options]}. Every option can also come from an
 * environment variable; an option on the command line wins.
 */
public final class LocalServerMain {

    /** Option, environment variable, what it does. */
    static final String[][] OPTIONS = {
        { "--host", "MINDEE_LOCAL_HOST", "address to listen on (default 127.0.0.1; 0.0.0.0 for all)" },
        { "--port", "MINDEE_LOCAL_PORT", "HTTP port (default 8080; 0 picks a free one; -1 no plain HTTP)" },
        { "--https-port", "MINDEE_LOCAL_HTTPS_PORT", "HTTPS port with a self-signed certificate (default off)" },
        { "--api-key", "MINDEE_LOCAL_API_KEY", "the key clients must send (default: any key is accepted)" },
        { "--workers", "MINDEE_LOCAL_WORKERS", "OCR worker threads (default: number of cores)" },
        { "--queue-capacity", "MINDEE_LOCAL_QUEUE_CAPACITY", "jobs waiting for a worker before 429 (default 64)" },
        { "--webhook", "MINDEE_LOCAL_WEBHOOKS", "ID=URL,SECRET; repeatable (env: separated by ';')" },
        { "--retention", "MINDEE_LOCAL_RETENTION", "how long results are kept: 12h (default), 30m, 90s, PT1H" },
        { "--delete-on-fetch", "MINDEE_LOCAL_DELETE_ON_FETCH", "delete a result once fetched or delivered (true/false)" },
        { "--rate-limits", "MINDEE_LOCAL_RATE_LIMITS", "factor of 200 POST/1200 GET a minute (default 0: none)" },
        { "--allow-url-downloads", "MINDEE_LOCAL_ALLOW_URL_DOWNLOADS", "fetch 'url' inputs (true/false, default false)" },
        { "--max-file-mb", "MINDEE_LOCAL_MAX_FILE_MB", "largest accepted document in MB (default 100)" },
        { "--tessdata", "MINDEE_LOCAL_TESSDATA", "directory of *.traineddata (default: bundled English)" },
        { "--languages", "MINDEE_LOCAL_LANGUAGES",
            "Tesseract languages, e.g. eng+fra (default eng; others from the tesseract-ocr-<lang> packages)" },
        { "--cert-file", "MINDEE_LOCAL_CERT_FILE", "where to write the HTTPS certificate (PEM) for clients to trust" },
        { "--public-url", "MINDEE_LOCAL_PUBLIC_URL", "https://host[:port] of polling_url/result_url (default: Host header)" },
        { "--max-pages", "MINDEE_LOCAL_MAX_PAGES", "pages a document may have (default 1000)" },
        { "--max-page-megapixels", "MINDEE_LOCAL_MAX_PAGE_MEGAPIXELS", "pixels an image page may have, millions (default 50)" },
        { "--max-document-megapixels", "MINDEE_LOCAL_MAX_DOCUMENT_MEGAPIXELS", "pixels of all pages, millions (default 10000)" },
        { "--header-timeout", "MINDEE_LOCAL_HEADER_TIMEOUT", "time a client has to send its request headers (default 10s)" },
        { "--request-timeout", "MINDEE_LOCAL_REQUEST_TIMEOUT", "time a client has to send its request body (default 5m)" },
        { "--idle-timeout", "MINDEE_LOCAL_IDLE_TIMEOUT", "an idle connection is closed after (default 60s)" },
        { "--max-connections", "MINDEE_LOCAL_MAX_CONNECTIONS", "open connections at most (default 1024)" },
    };

    private LocalServerMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalMindeeServer server;
        Path certFile;
        try {
            Map<String, List<String>> options = parse(args, System.getenv());
            if (options.containsKey("--help")) {
                usage(System.out);
                return;
            }
            certFile = options.containsKey("--cert-file") ? Path.of(last(options, "--cert-file")) : null;
            server = configure(options).start();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mindee-local-shutdown"));
        ServerConfig config = server.config();
        if (server.httpBaseUrl() != null) {
            System.out.println("Mindee local engine listening on " + server.httpBaseUrl());
        }
        if (server.httpsBaseUrl() != null) {
            System.out.println("Mindee local engine listening on " + server.httpsBaseUrl() + " (self-signed certificate)");
            Path pem = certFile != null ? certFile : Files.createTempFile("mindee-local-cert", ".pem");
            Files.writeString(pem, server.certificate().pem(), StandardCharsets.US_ASCII);
            System.out.println("  certificate to trust: " + pem.toAbsolutePath());
        }
        System.out.println("  model_id " + LocalMindeeServer.MODEL_ID + ", " + config.workers() + " OCR worker(s), API key "
                + (config.apiKey() == null ? "not checked (any key accepted)" : "required") + ", "
                + config.webhooks().size() + " webhook(s)");
        new CountDownLatch(1).await(); // serve until the process is stopped; the shutdown hook closes the server
    }

    static LocalMindeeServer.Builder configure(Map<String, List<String>> options) {
        LocalMindeeServer.Builder builder = LocalMindeeServer.builder().port(8080);
        long maxFile = options.containsKey("--max-file-mb")
                ? integer("--max-file-mb", last(options, "--max-file-mb")) * 1024L * 1024L : 100L * 1024 * 1024;
        HttpLimits http = HttpLimits.defaults(maxFile);
        DocumentLimits documents = DocumentLimits.defaults();
        for (Map.Entry<String, List<String>> option : options.entrySet()) {
            String value = option.getValue().isEmpty() ? "" : option.getValue().get(option.getValue().size() - 1);
            switch (option.getKey()) {
                case "--host" -> builder.host(value);
                case "--port" -> builder.port(integer(option.getKey(), value));
                case "--https-port" -> builder.httpsPort(integer(option.getKey(), value));
                case "--api-key" -> builder.apiKey(value);
                case "--workers" -> builder.workers(integer(option.getKey(), value));
                case "--queue-capacity" -> builder.queueCapacity(integer(option.getKey(), value));
                case "--webhook" -> option.getValue().forEach(spec -> builder.webhook(WebhookEndpoint.parse(spec)));
                case "--retention" -> builder.retention(duration(value));
                case "--delete-on-fetch" -> builder.deleteOnFetch(bool(value));
                case "--rate-limits" -> builder.rateLimits(Double.parseDouble(value));
                case "--allow-url-downloads" -> builder.allowUrlDownloads(bool(value));
                case "--max-file-mb" -> builder.maxFileBytes(integer(option.getKey(), value) * 1024L * 1024L);
                case "--tessdata" -> builder.tessdata(Path.of(value));
                case "--languages" -> builder.languages(value);
                case "--public-url" -> builder.publicBaseUrl(value);
                case "--max-pages" -> documents = documents.withMaxPages(integer(option.getKey(), value));
                case "--max-page-megapixels" -> documents = documents.withMaxPagePixels(
                        integer(option.getKey(), value) * 1_000_000L);
                case "--max-document-megapixels" -> documents = documents.withMaxDocumentPixels(
                        integer(option.getKey(), value) * 1_000_000L);
                case "--header-timeout" -> http = http.withHeaderTimeout(duration(value));
                case "--request-timeout" -> http = http.withRequestTimeout(duration(value));
                case "--idle-timeout" -> http = http.withIdleTimeout(duration(value));
                case "--max-connections" -> http = http.withMaxConnections(integer(option.getKey(), value));
                case "--cert-file", "--help" -> {
                }
                default -> throw new IllegalArgumentException("unknown option " + option.getKey());
            }
        }
        return builder.httpLimits(http).documentLimits(documents);
    }

    /** Environment first, then the command line over it; flags without a value ({@code --delete-on-fetch}) mean true. */
    static Map<String, List<String>> parse(String[] args, Map<String, String> env) {
        Map<String, List<String>> options = new java.util.LinkedHashMap<>();
        for (String[] option : OPTIONS) {
            String value = env.get(option[1]);
            if (value != null && !value.isBlank()) {
                List<String> values = new ArrayList<>();
                if ("--webhook".equals(option[0])) {
                    for (String spec : value.split("[;\n]")) {
                        if (!spec.isBlank()) {
                            values.add(spec.strip());
                        }
                    }
                } else {
                    values.add(value.strip());
                }
                options.put(option[0], values);
            }
        }
        Map<String, List<String>> fromArgs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("-h".equals(arg) || "--help".equals(arg)) {
                fromArgs.put("--help", List.of());
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (known(name) == null) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            fromArgs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        options.putAll(fromArgs);
        return options;
    }

    private static String[] known(String name) {
        for (String[] option : OPTIONS) {
            if (option[0].equals(name)) {
                return option;
            }
        }
        return null;
    }

    private static String last(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values.get(values.size() - 1);
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.replaceAll("[smhd]$", ""));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use 12h, 30m, 90s, 500ms or PT1H)");
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
        }
    }

    private static boolean bool(String value) {
        return value.isBlank() || Boolean.parseBoolean(value.strip()) || "1".equals(value.strip())
                || "yes".equalsIgnoreCase(value.strip());
    }

    static void usage(PrintStream out) {
        out.println("Mindee OCR API v2 compatible server with local Tesseract OCR");
        out.println("usage: java -jar camel-mindee-ocr-local.jar [options]");
        for (String[] option : OPTIONS) {
            out.printf("  %-24s %-34s %s%n", option[0], option[1], option[2]);
        }
        out.println("model_id of the built-in OCR model: " + LocalMindeeServer.MODEL_ID);
    }

}
