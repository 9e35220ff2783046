package org.camelmindee.ocr.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One client's run of one scenario: what the client wrote and what the server counted, and the figures from them. */
final class Run {

    final Scenario scenario;
    final ClientKind kind;
    final Map<String, String> values = new LinkedHashMap<>();
    final int documents;
    int ok;
    int failed;
    int lost;
    int duplicateJobs;
    int repeatedOutcomes;
    final Map<String, Integer> failures = new TreeMap<>();
    double makespan;
    double[] latencies = new double[0];
    long posts;
    long polls;
    long resultGets;
    long answered429;
    long injected429;
    long injected5xx;
    long injectedResets;
    long injectedSlow;
    double wallSeconds;

    Run(Scenario scenario, ClientKind kind) {
        this.scenario = scenario;
        this.kind = kind;
        this.documents = scenario.documents();
    }

    /** Reads the client's file and the server's counters. */
    void collect(List<String> lines, SimulatedMindee server) {
        long[] received = new long[documents];
        int[] status = new int[documents];
        for (String line : lines) {
            if (line.startsWith("doc\t")) {
                String[] f = line.split("\t", 6);
                int i = Integer.parseInt(f[1]);
                status[i] = Integer.parseInt(f[2]);
                received[i] = Long.parseLong(f[3]);
                repeatedOutcomes += Integer.parseInt(f[4]);
                if (status[i] == Outcomes.FAILED) {
                    failures.merge(category(f.length > 5 ? f[5] : ""), 1, Integer::sum);
                }
            } else {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        long start = Long.parseLong(values.getOrDefault("startMicros", "0"));
        long last = start;
        List<Double> latency = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            switch (status[i]) {
                case Outcomes.OK -> {
                    ok++;
                    long done = server.completedAt.get(i);
                    if (done > 0) {
                        latency.add((received[i] - done) * scenario.scale() / 1e6);
                        if (System.getenv("BENCH_DEBUG") != null && (received[i] - done) * scenario.scale() / 1e6 > 1) {
                            System.err.printf("doc %d latency %.2f processing %.2f%n", i,
                                    (received[i] - done) * scenario.scale() / 1e6, scenario.processing().seconds(i));
                        }
                    }
                }
                case Outcomes.FAILED -> failed++;
                default -> lost++;
            }
            if (received[i] > 0) {
                last = Math.max(last, received[i]);
            }
            if (server.jobsMade.get(i) > 1) {
                duplicateJobs++;
            }
        }
        makespan = (last - start) * scenario.scale() / 1e6;
        latencies = latency.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        posts = server.posts.sum();
        polls = server.polls.sum();
        resultGets = server.resultGets.sum();
        answered429 = server.answered429.sum();
        injected429 = server.injected429.sum();
        injected5xx = server.injected5xx.sum();
        injectedResets = server.injectedResets.sum();
        injectedSlow = server.injectedSlow.sum();
    }

    /** The kind of a failure, without its ids: the class and the first words. */
    private static String category(String reason) {
        String r = reason.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("doc-\\d+", "<alias>").replaceAll("\\d+ ms", "<n> ms").replaceAll("\\d+ polls", "<n> polls");
        return r.length() > 140 ? r.substring(0, 140) + "..." : r;
    }

    double percentile(double q) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1));
        return latencies[index];
    }

    double max() {
        return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1];
    }

    long value(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
    }

    /** The heap left after each collection over the run: {@code [millis, bytes]} pairs. */
    long[][] liveHeapSeries() {
        String series = values.getOrDefault("fullGcSeries", "");
        if (series.isEmpty()) {
            series = values.getOrDefault("gcSeries", "");
        }
        return Arrays.stream(series.split(",")).filter(s -> !s.isEmpty()).map(s -> s.split(":"))
                .map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])}).toArray(long[][]::new);
    }
}
