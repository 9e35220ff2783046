package org.camelmindee.ocr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The harness works: a tiny burst through each client and a tiny faulty run through the component, each against its
 * simulated server, every document accounted for and the table printed. It checks no speed: figures are for the
 * benchmark's own run (docs/benchmarks.md).
 */
class BenchmarkSmokeTest {

    @Test
    void everyClientAccountsForEveryDocumentAndTheTablePrints() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<Run> runs = BenchmarkMain.run(List.of("smoke", "smoke-faults"),
                new PrintStream(report, true, StandardCharsets.UTF_8));
        String table = report.toString(StandardCharsets.UTF_8);

        assertEquals(4, runs.size(), table);
        for (Run run : runs) {
            String what = run.scenario.name() + " / " + run.kind.label + "\n" + table;
            assertEquals(run.documents, run.ok + run.failed, "every document has an outcome: " + what);
            assertEquals(0, run.lost, what);
            assertEquals(0, run.duplicateJobs, "no document enqueued twice: " + what);
            assertEquals(0, run.repeatedOutcomes, what);
            if (run.scenario.name().equals("smoke")) {
                assertEquals(run.documents, run.ok, "no faults, no failures: " + what);
                assertEquals(run.documents, run.posts, what);
                assertTrue(run.latencies.length == run.documents, what);
                assertTrue(run.value("peakThreads") > 0 && run.value("cpuNanos") > 0, what);
            }
            if (run.kind == ClientKind.WEBHOOK) {
                assertEquals(0, run.polls, "webhooks need no poll: " + what);
            }
        }
        Run faulty = runs.get(3);
        assertTrue(faulty.injected5xx + faulty.injectedResets + faulty.injected429 > 0, "faults were injected\n" + table);
        assertTrue(table.contains("| smoke | SDK-style baseline |"), table);
    }
}
