package org.camelmindee.ocr.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camelmindee.ocr.jdbc.JdbcRateBudgetStore;

/**
 * One instance of the fleet, in a JVM of its own: warms up like every client, says it is ready, waits for the
 * harness's go, then sends its share of the burst (the documents whose index modulo the fleet's size is its own) and
 * writes each outcome. With a JDBC URL its component counts the account's budget in that PostgreSQL database, shared
 * with the other instances; without, in memory, as if it owned the account.
 *
 * <p>Arguments: {@code part parts scenario documents scale baseUrl warmUpUrl jdbcUrl|- outputFile goFile}.
 */
public final class FleetClientMain {

    private FleetClientMain() {
    }

    public static void main(String[] args) throws Exception {
        int part = Integer.parseInt(args[0]);
        int parts = Integer.parseInt(args[1]);
        Scenario scenario = Scenario.named(args[2]).with(Integer.parseInt(args[3]), Double.parseDouble(args[4]));
        String baseUrl = args[5];
        String warmUpUrl = args[6];
        String jdbcUrl = args[7];
        Path output = Path.of(args[8]);
        Path go = Path.of(args[9]);

        ClientMain.warmUp(ClientKind.POLLING, warmUpUrl, null);

        JdbcRateBudgetStore shared = null;
        HikariDataSource dataSource = null;
        if (!"-".equals(jdbcUrl)) {
            // pooled, as a Spring Boot application's DataSource is: a PostgreSQL connection is a process to start
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(jdbcUrl);
            pool.setMaximumPoolSize(4);
            dataSource = new HikariDataSource(pool);
            shared = new JdbcRateBudgetStore(dataSource);
        }
        Outcomes outcomes = new Outcomes(scenario.documents());
        ComponentClient client = new ComponentClient(scenario, false, baseUrl, null, null, outcomes);
        client.rateBudgets(shared);
        client.start();
        for (int i = 0; i < scenario.documents(); i++) {
            if (i % parts != part) {
                outcomes.failed(i, "another instance's");
            }
        }
        Files.writeString(output.resolveSibling(output.getFileName() + ".ready"), "ready");
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        long startMicros = Long.parseLong(Files.readString(go).strip());
        long start = System.nanoTime();
        for (int i = part; i < scenario.documents(); i += parts) {
            client.submit(i);
        }
        long bound = scenario.realNanos(scenario.idealMakespan() + 900) + TimeUnit.SECONDS.toNanos(20);
        boolean complete = outcomes.await(Math.max(0, start + bound - System.nanoTime()));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("complete=" + complete);
            out.println("startMicros=" + startMicros);
            client.counters().forEach(out::println);
            for (int i = 0; i < scenario.documents(); i++) {
                String reason = outcomes.reasons.get(i);
                out.println("doc\t" + i + "\t" + outcomes.status.get(i) + "\t" + outcomes.receivedAt.get(i) + "\t"
                            + outcomes.repeats.get(i) + "\t" + (reason == null ? "" : reason));
            }
        }
        try {
            client.close();
            if (shared != null) {
                shared.close();
                dataSource.close();
            }
        } finally {
            System.exit(0);
        }
    }
}
