package org.camelmindee.ocr.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * What the JDBC budget and journal share: the tables, made when absent, transactions, the store's clock and the threads
 * that talk to the database. Every time is the database's ({@code clock_timestamp()}, in microseconds), so that
 * instances whose clocks differ agree. The SQL is PostgreSQL's ({@code ON CONFLICT}, {@code FOR UPDATE SKIP LOCKED}).
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

    /** One unit of work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads the current row of a result into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Makes the tables when they are absent; several instances starting at once may race, and that is fine.
     *
     * @param what the tables the caller needs, for the message when they cannot be made
     */
    static void createSchema(DataSource dataSource, String what) {
        try {
            autoCommit(dataSource, connection -> {
                try (Statement statement = connection.createStatement()) {
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
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Runs {@code work} with each statement a transaction of its own. */
    static <T> T autoCommit(DataSource dataSource, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code parameters} bound in order; returns how many rows it changed. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs a statement that returns rows, with {@code parameters} bound in order; returns one value per row. */
    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /**
     * PostgreSQL's driver binds a String, Integer, Long or java.sql.Array given to setObject as setString, setInt,
     * setLong and setArray do. A null it would send untyped; every parameter that may be null here is text, so a null
     * goes typed as setString(i, null) sends it (varchar).
     */
    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
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
