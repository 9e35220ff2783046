package org.camelmindee.ocr.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The table and the notes under it, in Markdown. */
final class Report {

    private static final double MB = 1024.0 * 1024.0;

    private Report() {
    }

    static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "Machine: %d cores, %.1f GB memory, Java %s (%s), load average at start %s",
                Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void print(List<Run> runs, PrintStream out) {
        out.println("| scenario | client | ok / failed / lost | makespan s (ideal s, over) | 429s | polls / doc "
                    + "| latency after done s: p50 / p95 / max | threads: peak (added) | heap MB: live / used (+ over idle) "
                    + "| CPU s / 1000 docs |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Run r : runs) {
            double ideal = r.scenario.idealMakespan();
            long idleThreads = r.value("idleThreads");
            long peakThreads = r.value("peakThreads");
            double live = r.value("peakHeapLive") / MB;
            double used = r.value("peakHeapUsed") / MB;
            double idle = r.value("idleHeap") / MB;
            double cpu = r.value("cpuNanos") / 1e9 * 1000.0 / r.documents;
            String throttled = r.injected429 == 0 ? Long.toString(r.answered429)
                    : r.answered429 + " (" + r.injected429 + " injected)";
            out.printf(Locale.ROOT, "| %s | %s | %d / %d / %d | %.1f (%.1f, %+.1f %%) | %s | %.2f | %s / %s / %s | %d (+%d) "
                                    + "| %.1f / %.1f (+%.1f) | %.2f |%n",
                    r.scenario.name(), r.kind.label, r.ok, r.failed, r.lost, r.makespan, ideal,
                    (r.makespan / ideal - 1) * 100, throttled, (double) r.polls / r.documents,
                    sec(r.percentile(0.5)), sec(r.percentile(0.95)), sec(r.max()), peakThreads,
                    peakThreads - idleThreads, live, used, used - idle, cpu);
        }
        out.println();
        out.println("Scenarios:");
        Set<String> seen = new LinkedHashSet<>();
        for (Run r : runs) {
            Scenario s = r.scenario;
            if (seen.add(s.name())) {
                out.printf(Locale.ROOT, "- %s: %d documents of %s, %s; processing %s; time scale %s (1 real s = %s "
                                        + "scenario s); faults: %s%n",
                        s.name(), s.documents(), bytes(s.documentSize()),
                        s.perMinute() <= 0 ? "all at once" : String.format(Locale.ROOT, "%.0f a minute", s.perMinute()),
                        s.processing().describe(), fmt(s.scale()), fmt(s.scale()), s.faults().describe());
            }
        }
        out.println();
        out.println("Requests the server saw, and failures by reason:");
        for (Run r : runs) {
            out.printf(Locale.ROOT, "- %s / %s: %d POST, %d job GETs, %d result GETs, %d answered 429 (%d of them "
                                    + "injected), injected %d 5xx, %d dropped connections, %d slow; client: %s polls, "
                                    + "%s retries, %s 429s seen; duplicate jobs %d, outcomes given twice %d; %.1f s real%n",
                    r.scenario.name(), r.kind.label, r.posts, r.polls, r.resultGets, r.answered429, r.injected429,
                    r.injected5xx, r.injectedResets, r.injectedSlow, r.values.get("clientPolls"),
                    r.values.get("clientRetries"), r.values.get("client429"), r.duplicateJobs, r.repeatedOutcomes,
                    r.wallSeconds);
            if (!r.values.getOrDefault("peakThreadNames", "").isEmpty()) {
                out.printf(Locale.ROOT, "  - threads at the peak: %s%n", r.values.get("peakThreadNames"));
            }
            if (r.values.containsKey("learned")) {
                out.printf(Locale.ROOT, "  - processing times the component learned: %s%n", r.values.get("learned"));
            }
            for (Map.Entry<String, Integer> failure : r.failures.entrySet()) {
                out.printf(Locale.ROOT, "  - %d x %s%n", failure.getValue(), failure.getKey());
            }
        }
        for (Run r : runs) {
            long[][] series = r.liveHeapSeries();
            if (r.documents >= 5000 && series.length >= 10) {
                out.println();
                out.printf(Locale.ROOT, "Soak (%s / %s): every document accounted for: %s (%d results, %d failed with "
                                        + "a reason, %d without outcome, %d duplicate jobs, %d outcomes twice).%n",
                        r.scenario.name(), r.kind.label, r.lost == 0 && r.duplicateJobs == 0 && r.repeatedOutcomes == 0
                                ? "yes" : "NO", r.ok, r.failed, r.lost, r.duplicateJobs, r.repeatedOutcomes);
                int fifth = Math.max(1, series.length / 5);
                double first = median(Arrays.copyOfRange(series, 0, fifth));
                double lastFifth = median(Arrays.copyOfRange(series, series.length - fifth, series.length));
                double max = Arrays.stream(series).mapToLong(p -> p[1]).max().orElse(0) / MB;
                out.printf(Locale.ROOT, "Live heap after full collections (%d, one every 2 s real): median %.1f MB over"
                                        + " the first fifth of the run, %.1f MB over the last fifth, at most %.1f MB.%n",
                        series.length, first, lastFifth, max);
            }
        }
    }

    private static double median(long[][] points) {
        long[] values = Arrays.stream(points).mapToLong(p -> p[1]).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2] / MB;
    }

    private static String sec(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String bytes(long n) {
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.0f MB", n / 1e6)
                : n >= 1024 ? String.format(Locale.ROOT, "%.0f KB", n / 1024.0) : n + " bytes";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
