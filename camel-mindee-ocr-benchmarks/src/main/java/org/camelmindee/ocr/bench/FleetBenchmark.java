package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The fleet: three client JVMs, each a Camel context with {@code mindee-ocr:ocr}, share one account on one simulated
 * Mindee, and the documents of a burst are dealt among them. Run twice: with one budget shared through PostgreSQL (a
 * real server, started here), and with the default in-memory budget in each JVM, each believing it owns the account.
 * The ideal makespan is one account's: the fleet cannot enqueue faster than 200 documents a minute, whoever sends.
 */
final class FleetBenchmark {

    static final int INSTANCES = 3;

    /** How each instance counts the account's budget. */
    enum Budgets {
        SHARED("one shared budget (PostgreSQL)"),
        SEPARATE("three in-memory budgets");

        final String label;

        Budgets(String label) {
            this.label = label;
        }
    }

    private FleetBenchmark() {
    }

    static void run(Scenario scenario, PrintStream out) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Budgets budgets : Budgets.values()) {
            rows.add(runOne(scenario, budgets, notes));
            System.err.println(rows.get(rows.size() - 1));
        }
        out.println("| scenario | instances | budget | ok / failed / lost | makespan s (ideal s, over) "
                    + "| 429s: enqueues / GETs | enqueues sent | enqueues a minute (limit 200) | duplicate jobs |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(out::println);
        out.println();
        out.println("- " + scenario.name() + ": " + scenario.documents() + " documents dealt among " + INSTANCES
                    + " client JVMs, all at once; processing log-normal, median 3 s, sigma " + Scenario.SIGMA
                    + "; time scale " + (int) scenario.scale());
        notes.forEach(n -> out.println("- " + n));
    }

    private static String runOne(Scenario scenario, Budgets budgets, List<String> notes) throws Exception {
        Path work = Files.createTempDirectory("mindee-fleet-");
        long started = System.nanoTime();
        EmbeddedPostgres postgres = budgets == Budgets.SHARED ? EmbeddedPostgres.builder().start() : null;
        try (SimulatedMindee server = new SimulatedMindee(scenario, null);
             SimulatedMindee warmUp = new SimulatedMindee(Scenario.named("warmup"), null)) {
            String jdbcUrl = postgres == null ? "-" : postgres.getJdbcUrl("postgres", "postgres");
            Path go = work.resolve("go");
            List<Process> clients = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int part = 0; part < INSTANCES; part++) {
                Path output = work.resolve("client-" + part + ".txt");
                Path log = work.resolve("client-" + part + ".log");
                outputs.add(output);
                logs.add(log);
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(BenchmarkMain.CLIENT_JVM);
                command.add("-cp");
                command.add(System.getProperty("java.class.path"));
                command.add(FleetClientMain.class.getName());
                command.addAll(List.of(Integer.toString(part), Integer.toString(INSTANCES), scenario.name(),
                        Integer.toString(scenario.documents()), Double.toString(scenario.scale()), server.baseUrl(),
                        warmUp.baseUrl(), jdbcUrl, output.toString(), go.toString()));
                clients.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
            }
            // the burst starts when every instance is warm and waiting
            long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (int part = 0; part < INSTANCES; part++) {
                while (!Files.exists(work.resolve("client-" + part + ".txt.ready"))) {
                    if (System.nanoTime() > readyBy || !clients.get(part).isAlive()) {
                        clients.forEach(Process::destroyForcibly);
                        throw new IllegalStateException("fleet client " + part + " never got ready: "
                                                        + Files.readString(logs.get(part)));
                    }
                    Thread.sleep(10);
                }
            }
            long goMicros = SimulatedMindee.epochMicros(Instant.now());
            Files.writeString(go, Long.toString(goMicros));
            long bound = scenario.realNanos(scenario.idealMakespan() + 900) + TimeUnit.SECONDS.toNanos(60);
            for (int part = 0; part < INSTANCES; part++) {
                if (!clients.get(part).waitFor(bound, TimeUnit.NANOSECONDS)) {
                    clients.forEach(Process::destroyForcibly);
                    throw new IllegalStateException("fleet client " + part + " did not finish: "
                                                    + tail(logs.get(part)));
                }
                if (!Files.exists(outputs.get(part))) {
                    throw new IllegalStateException("fleet client " + part + " ended (exit "
                                                    + clients.get(part).exitValue() + ") without its figures: "
                                                    + tail(logs.get(part)));
                }
            }

            int documents = scenario.documents();
            int ok = 0;
            int failed = 0;
            long last = goMicros;
            java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
            for (int part = 0; part < INSTANCES; part++) {
                for (String line : Files.readAllLines(outputs.get(part), StandardCharsets.UTF_8)) {
                    if (!line.startsWith("doc\t")) {
                        continue;
                    }
                    String[] f = line.split("\t", 6);
                    if (Integer.parseInt(f[1]) % INSTANCES != part) {
                        continue;
                    }
                    int status = Integer.parseInt(f[2]);
                    if (status == Outcomes.OK) {
                        ok++;
                    } else if (status == Outcomes.FAILED) {
                        failed++;
                        String reason = f.length > 5 ? f[5] : "";
                        reasons.merge(reason.length() > 120 ? reason.substring(0, 120) + "..." : reason, 1,
                                Integer::sum);
                    }
                    if (status != Outcomes.PENDING) {
                        last = Math.max(last, Long.parseLong(f[3]));
                    }
                }
            }
            int duplicates = 0;
            for (int i = 0; i < documents; i++) {
                duplicates += server.jobsMade.get(i) > 1 ? 1 : 0;
            }
            double makespan = (last - goMicros) * scenario.scale() / 1e6;
            double ideal = scenario.idealMakespan();
            double wall = (System.nanoTime() - started) / 1e9;
            long posts429 = server.answered429Posts.sum();
            long gets429 = server.answered429.sum() - posts429;
            notes.add(String.format(Locale.ROOT, "%s: %d POST, %d job GETs, %d result GETs, %d answered 429; %.1f s real",
                    budgets.label, server.posts.sum(), server.polls.sum(), server.resultGets.sum(),
                    server.answered429.sum(), wall));
            // the same failure for many documents is one line: job ids and waits cut off
            java.util.Map<String, Integer> grouped = new java.util.TreeMap<>();
            reasons.forEach((reason, n) -> grouped.merge(reason.replaceAll("[0-9a-f]{8}-[0-9a-f-]*", "<id>")
                    .replaceAll("[0-9]+ ms", "<n> ms"), n, Integer::sum));
            grouped.forEach((reason, n) -> notes.add("  - " + n + " x " + reason));
            return String.format(Locale.ROOT, "| %s | %d | %s | %d / %d / %d | %.1f (%.1f, %+.1f %%) | %d / %d | %d | %d "
                                              + "| %d |",
                    scenario.name(), INSTANCES, budgets.label, ok, failed, documents - ok - failed, makespan, ideal,
                    (makespan / ideal - 1) * 100, posts429, gets429, server.posts.sum(),
                    Math.round(server.posts.sum() * 60 / makespan), duplicates);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (System.getenv("BENCH_KEEP_LOGS") == null) {
                deleteTree(work);
            } else {
                System.err.println("fleet logs: " + work);
            }
        }
    }

    /** The last lines of a client's log, for a message. */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
