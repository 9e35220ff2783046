package org.camelmindee.ocr.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Resource;
import org.apache.camel.util.AntPathMatcher;

/**
 * The README's main command. Starts the local OCR engine in this JVM (or uses Mindee's cloud when
 * {@code MINDEE_V2_API_KEY} and {@code MINDEE_MODEL_ID} are set), copies the sample documents into {@code inbox/}, runs
 * the route {@code file:inbox -> mindee-ocr:ocr -> file:outbox} ({@link OcrFilesRoute}), prints a line and the text
 * per document and a summary, and exits.
 * <p>
 * {@code -Dwatch=true} (or {@code --watch}): copies nothing and keeps watching {@code inbox/} until Ctrl-C.
 * {@code -Ddsl=yaml} (or {@code --yaml}): the same route from {@code routes/ocr-files.camel.yaml}.
 * {@code -Dpdf=true} (or {@code --pdf}): also {@code <name>.pdf} in the outbox, the document made searchable.
 */
public final class OcrFilesApplication {

    /** The sample documents in {@code src/main/resources/samples}, made by {@code SampleDocuments} (tests). */
    public static final List<String> SAMPLES = List.of("scanned-letter.png", "photo-receipt.jpg", "delivery-note.pdf");
    public static final String YAML_ROUTES = "classpath:routes/ocr-files.camel.yaml";

    /** What to run; {@code pdf}: also {@code <name>.pdf}, the document made searchable. */
    public record Options(Path inbox, Path outbox, boolean watch, boolean yaml, boolean pdf) {

        public Options(Path inbox, Path outbox, boolean watch, boolean yaml) {
            this(inbox, outbox, watch, yaml, false);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        boolean watch = Boolean.getBoolean("watch") || list.contains("--watch");
        boolean yaml = "yaml".equalsIgnoreCase(System.getProperty("dsl")) || list.contains("--yaml");
        boolean pdf = Boolean.getBoolean("pdf") || list.contains("--pdf");
        Options options = new Options(Path.of("inbox"), Path.of("outbox"), watch, yaml, pdf);
        int failed;
        String warning = MindeeConnection.halfConfigured(System.getenv());
        if (warning != null) {
            System.out.println("Note: " + warning);
        }
        System.out.println("Starting the OCR service...");
        try (MindeeConnection mindee = MindeeConnection.fromEnvironment(System.getenv())) {
            failed = run(options, mindee, System.out);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private final Options options;
    private final MindeeConnection mindee;
    private final PrintStream out;
    private final Main main = new Main();

    public OcrFilesApplication(Options options, MindeeConnection mindee, PrintStream out) {
        this.options = options;
        this.mindee = mindee;
        this.out = out;
    }

    /** Runs the route until the copied documents are done (or, watching, until the JVM stops); returns the failures. */
    public static int run(Options options, MindeeConnection mindee, PrintStream out) throws Exception {
        return new OcrFilesApplication(options, mindee, out).run();
    }

    /** Runs the route until the documents in the inbox are done, or watching, until {@link #stop()}. */
    public int run() throws Exception {
        Files.createDirectories(options.inbox());
        Files.createDirectories(options.outbox());
        if (!options.watch()) {
            copySamples(options.inbox());
        }
        int waiting = options.watch() ? 0 : countDocuments(options.inbox());

        for (Map.Entry<String, String> p : mindee.componentProperties().entrySet()) {
            main.addOverrideProperty(p.getKey(), p.getValue());
        }
        main.addOverrideProperty("ocr.inbox", options.inbox().toString());
        main.addOverrideProperty("ocr.outbox", options.outbox().toString());
        main.addOverrideProperty("ocr.pdf", Boolean.toString(options.pdf()));
        if (options.yaml()) {
            main.addOverrideProperty("camel.main.routes-include-pattern", YAML_ROUTES);
        } else {
            main.configure().addRoutesBuilder(new OcrFilesRoute());
        }
        Path outbox = options.outbox().toAbsolutePath().normalize();
        OcrReport report = new OcrReport(out, outbox, OcrFilesRoute.ROUTE_ID, waiting, main::completed);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                main.getCamelContext().getManagementStrategy().addEventNotifier(report);
            }

            @Override
            public void afterStart(BaseMainSupport main) {
                out.println("Route " + OcrFilesRoute.ROUTE_ID + " " + describeSource(main.getCamelContext()));
            }
        });

        out.println("OCR by " + mindee.describe());
        if (options.watch()) {
            out.println("Watching " + options.inbox().toAbsolutePath().normalize()
                        + " for PDF, PNG, JPEG, TIFF, WebP and HEIC files; results in " + outbox + ". Ctrl-C stops.");
        } else {
            out.println(waiting + " documents in " + options.inbox().toAbsolutePath().normalize() + ":");
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ocr-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(report::progress, 5, 5, TimeUnit.SECONDS);
        try {
            main.run();
        } finally {
            ticker.shutdownNow();
        }
        if (options.watch()) {
            out.print(report.summary());
        }
        return report.failedCount();
    }

    /** Where the running route came from, so that {@code -Ddsl=yaml} shows it ran the YAML file. */
    private static String describeSource(CamelContext context) {
        Route route = context.getRoute(OcrFilesRoute.ROUTE_ID);
        if (route == null) {
            return "is not running";
        }
        Resource resource = route.getSourceResource();
        return resource != null ? "from " + resource.getLocation() + " (YAML DSL)"
                : "from " + OcrFilesRoute.class.getSimpleName() + " (Java DSL)";
    }

    /** Ends {@link #run()}: what Ctrl-C does in watch mode. */
    public void stop() {
        main.completed();
    }

    /** Copies the sample documents into the inbox. */
    public static void copySamples(Path inbox) throws IOException {
        for (String name : SAMPLES) {
            try (InputStream in = OcrFilesApplication.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    throw new IOException("sample " + name + " is not on the class path");
                }
                Files.copy(in, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The documents the route will pick up: visible files that match {@code ocr.documents} (application.properties),
     * case-insensitively, as the file consumer's {@code antInclude} matches them.
     */
    static int countDocuments(Path inbox) throws IOException {
        String[] patterns = documentPatterns();
        try (Stream<Path> files = Files.list(inbox)) {
            return (int) files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && AntPathMatcher.INSTANCE.anyMatch(patterns, name, false))
                    .count();
        }
    }

    private static String[] documentPatterns() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OcrFilesApplication.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IOException("application.properties is not on the class path");
            }
            properties.load(in);
        }
        return properties.getProperty("ocr.documents").split(",");
    }
}
