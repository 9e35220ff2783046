package org.camelmindee.ocr.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * What the JDBC budget and journal share: the tables, made when absent, and the store's clock. Every time is the
 * database's ({@code clock_timestamp()}, in microseconds), so that instances whose clocks differ agree. The SQL is
 * PostgreSQL's ({@code ON CONFLICT}, {@code FOR UPDATE SKIP LOCKED}).
 */
final class JdbcSupport {

    /** The database's time now, in microseconds since the epoch. */
    static final String NOW_MICROS = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint";

    private static final String[] SCHEMA = {
        // the budget: one row per budget (its pause), one per slot (its last grant); N slots, each granted at most
        // once a window, allow at most N requests in any window, whoever asks
        """
        CREATE TABLE IF NOT EXISTS mindee_ocr_budget (
            budget VARCHAR(200) PRIMARY KEY,
            paused_until BIGINT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS mindee_ocr_budget_slot (
            budget VARCHAR(200) NOT NULL,
            slot INT NOT NULL,
            granted_at BIGINT NOT NULL,
            PRIMARY KEY (budget, slot))""",
        // the journal: one row per document key
        """
        CREATE TABLE IF NOT EXISTS mindee_ocr_journal (
            doc_key VARCHAR(400) PRIMARY KEY,
            state VARCHAR(16) NOT NULL,
            owner VARCHAR(64),
            job_id VARCHAR(200),
            polling_url VARCHAR(2048),
            result_json TEXT,
            failure_json TEXT,
            message TEXT,
            expires_at BIGINT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS mindee_ocr_journal_expiry ON mindee_ocr_journal (expires_at)"
    };

    private JdbcSupport() {
    }

    /** Makes the tables when they are absent; several instances starting at once may race, and that is fine. */
    static void createSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : SCHEMA) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    // two instances creating the same table at once: one wins, the other sees a duplicate
                    if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    static long nowMicros(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + NOW_MICROS)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The thread that talks to the database, so that no caller's thread waits for it. */
    static ExecutorService executor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
