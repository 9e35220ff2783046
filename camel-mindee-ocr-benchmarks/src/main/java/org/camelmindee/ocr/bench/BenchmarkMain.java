package org.camelmindee.ocr.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The harness: for each scenario and each client, a fresh simulated Mindee (same configuration), the client in a JVM
 * of its own, then one table of figures in scenario time, and the soak's accounting.
 *
 * <p>Arguments: scenario names ({@code all} = burst steady wide long upload soak; {@code fleet} is run on its own, see
 * {@link FleetBenchmark}), and optionally {@code --docs=N},
 * {@code --scale=S}, {@code --clients=POLLING,WEBHOOK,SDK} to override every scenario's.
 */
public final class BenchmarkMain {

    /** JVM options of every client: a small young generation, so that the heap after a collection is the live data. */
    static final List<String> CLIENT_JVM = List.of("-XX:+UseSerialGC", "-Xmn16m", "-Xmx1g", "-Xss512k",
            "-XX:TieredStopAtLevel=4");

    /** The scenarios of the table. */
    static final List<String> ALL = List.of("burst", "steady", "wide", "long", "upload", "soak");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Run> runs = run(Arrays.asList(args), System.out);
        boolean lost = runs.stream().anyMatch(r -> r.lost > 0 || r.duplicateJobs > 0);
        System.exit(lost ? 1 : 0);
    }

    /** Runs the scenarios and prints the report to {@code out}; returns the runs. */
    static List<Run> run(List<String> args, PrintStream out) throws Exception {
        List<String> names = new ArrayList<>();
        Integer docs = null;
        Double scale = null;
        List<ClientKind> only = null;
        for (String arg : args) {
            if (arg.startsWith("--docs=")) {
                docs = Integer.valueOf(arg.substring(7));
            } else if (arg.startsWith("--scale=")) {
                scale = Double.valueOf(arg.substring(8));
            } else if (arg.startsWith("--clients=")) {
                only = Arrays.stream(arg.substring(10).split(",")).map(ClientKind::valueOf).toList();
            } else if ("all".equals(arg)) {
                names.addAll(ALL);
            } else if (!arg.isBlank()) {
                names.add(arg);
            }
        }
        if (names.isEmpty()) {
            names.addAll(ALL);
        }
        out.println(Report.machine());
        out.println();
        List<Run> runs = new ArrayList<>();
        for (String name : names) {
            Scenario scenario = Scenario.named(name);
            scenario = scenario.with(docs != null ? docs : scenario.documents(),
                    scale != null ? scale : scenario.scale());
            if ("fleet".equals(name)) {
                FleetBenchmark.run(scenario, out);
                out.println();
                continue;
            }
            File upload = scenario.documentSize() > 16 * 1024 * 1024 ? Documents.pngFile(scenario.documentSize()) : null;
            try {
                for (ClientKind kind : scenario.clients()) {
                    if (only != null && !only.contains(kind)) {
                        continue;
                    }
                    Run run = runOne(scenario, kind, upload);
                    runs.add(run);
                    System.err.printf(Locale.ROOT, "%s / %s: %d ok, %d failed, %d lost in %.1f s real%n",
                            scenario.name(), kind.label, run.ok, run.failed, run.lost, run.wallSeconds);
                }
            } finally {
                if (upload != null) {
                    Files.deleteIfExists(upload.toPath());
                }
            }
        }
        if (!runs.isEmpty()) {
            Report.print(runs, out);
        }
        return runs;
    }

    static Run runOne(Scenario scenario, ClientKind kind, File upload) throws Exception {
        Integer webhookPort = kind == ClientKind.WEBHOOK ? freePort() : null;
        Run run = new Run(scenario, kind);
        Path output = Files.createTempFile("mindee-bench-" + scenario.name() + "-", ".txt");
        Path log = Files.createTempFile("mindee-bench-" + scenario.name() + "-", ".log");
        long started = System.nanoTime();
        boolean done = false;
        try (SimulatedMindee server = new SimulatedMindee(scenario, webhookPort);
             SimulatedMindee warmUp = new SimulatedMindee(Scenario.named("warmup"), webhookPort)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(CLIENT_JVM);
            String extra = System.getenv("BENCH_CLIENT_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(Arrays.asList(extra.trim().split("\\s+")));
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ClientMain.class.getName());
            command.addAll(List.of(kind.name(), scenario.name(), Integer.toString(scenario.documents()),
                    Double.toString(scenario.scale()), server.baseUrl(), output.toString(),
                    webhookPort == null ? "-" : webhookPort.toString(), upload == null ? "-" : upload.getPath(),
                    warmUp.baseUrl()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long bound = scenario.realNanos(scenario.idealMakespan() + 900) + TimeUnit.SECONDS.toNanos(60);
            if (!process.waitFor(bound, TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(kind + " on " + scenario.name() + " did not finish; see " + log);
            }
            run.wallSeconds = (System.nanoTime() - started) / 1e9;
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalStateException(kind + " on " + scenario.name() + " wrote nothing (exit "
                                                + process.exitValue() + "): " + Files.readString(log));
            }
            run.collect(lines, server);
            done = true;
        } finally {
            Files.deleteIfExists(output);
            if (done && System.getenv("BENCH_KEEP_LOGS") == null) {
                Files.deleteIfExists(log);
            } else {
                System.err.println("client log: " + log);
            }
        }
        return run;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
