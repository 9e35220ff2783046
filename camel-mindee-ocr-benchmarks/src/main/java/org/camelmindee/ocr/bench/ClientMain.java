package org.camelmindee.ocr.bench;

import java.io.File;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client's run, in a JVM of its own so that its threads, heap and CPU are its own: feeds the scenario's documents
 * at their arrival times, waits until every one has an outcome (or a generous bound has passed), and writes the
 * outcomes and the figures to a file.
 *
 * <p>Before it measures, the client runs the warm-up scenario against another server in the same JVM and throws that
 * client away (its Camel context, its processing times, its budgets): what is measured is a warm JVM, as a route
 * that runs for months is, with a component that has seen no job yet.
 *
 * <p>Arguments: {@code kind scenario documents scale baseUrl outputFile webhookPort|- uploadFile|- warmUpUrl}.
 */
public final class ClientMain {

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        ClientKind kind = ClientKind.valueOf(args[0]);
        Scenario scenario = Scenario.named(args[1]).with(Integer.parseInt(args[2]), Double.parseDouble(args[3]));
        String baseUrl = args[4];
        Path output = Path.of(args[5]);
        Integer webhookPort = "-".equals(args[6]) ? null : Integer.valueOf(args[6]);
        File upload = "-".equals(args[7]) ? null : new File(args[7]);

        warmUp(kind, args[8], webhookPort);

        Outcomes outcomes = new Outcomes(scenario.documents());
        BenchClient client = client(kind, scenario, baseUrl, webhookPort, upload, outcomes);
        client.start();
        // the soak's figure is the heap that stays: a full collection every 2 s (real) measures it
        Meter meter = new Meter(scenario.documents() >= 5000 ? 2000 : 0);
        meter.start();
        long start = System.nanoTime();
        long startMicros = SimulatedMindee.epochMicros(Instant.now());
        for (int i = 0; i < scenario.documents(); i++) {
            long due = start + scenario.realNanos(scenario.arrival(i));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            client.submit(i);
        }
        // every document has an outcome well before this, unless something is lost
        long bound = scenario.realNanos(scenario.idealMakespan() + 900) + TimeUnit.SECONDS.toNanos(20);
        boolean complete = outcomes.await(Math.max(0, start + bound - System.nanoTime()));
        List<String> figures = meter.stop();
        if (System.getenv("BENCH_HISTOGRAM") != null) {
            // what is left on the heap once every document is done (for hunting what a run keeps)
            new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            new File(System.getenv("BENCH_HISTOGRAM")))).start().waitFor();
        }
        List<String> lines = new ArrayList<>();
        lines.add("complete=" + complete);
        lines.add("startMicros=" + startMicros);
        lines.addAll(figures);
        lines.addAll(client.counters());
        for (int i = 0; i < scenario.documents(); i++) {
            String reason = outcomes.reasons.get(i);
            lines.add("doc\t" + i + "\t" + outcomes.status.get(i) + "\t" + outcomes.receivedAt.get(i) + "\t"
                      + outcomes.repeats.get(i) + "\t" + (reason == null ? "" : reason));
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            lines.forEach(out::println);
        }
        try {
            client.close();
        } finally {
            // SDK threads still sleeping, Camel's threads: this JVM is done
            System.exit(0);
        }
    }

    /** Runs the warm-up scenario against its own server and throws the client away. */
    static void warmUp(ClientKind kind, String warmUpUrl, Integer webhookPort) throws Exception {
        Scenario warmUp = Scenario.named("warmup");
        Outcomes warm = new Outcomes(warmUp.documents());
        try (BenchClient client = client(kind, warmUp, warmUpUrl, webhookPort, null, warm)) {
            client.start();
            for (int i = 0; i < warmUp.documents(); i++) {
                client.submit(i);
            }
            if (!warm.await(TimeUnit.SECONDS.toNanos(30))) {
                System.err.println("warm-up incomplete");
            }
        }
    }

    private static BenchClient client(ClientKind kind, Scenario scenario, String baseUrl, Integer webhookPort,
                                      File upload, Outcomes outcomes) {
        return switch (kind) {
            case POLLING -> new ComponentClient(scenario, false, baseUrl, null, upload, outcomes);
            case WEBHOOK -> new ComponentClient(scenario, true, baseUrl, webhookPort, upload, outcomes);
            case SDK -> new SdkStyleClient(scenario, baseUrl, upload, outcomes);
        };
    }
}
