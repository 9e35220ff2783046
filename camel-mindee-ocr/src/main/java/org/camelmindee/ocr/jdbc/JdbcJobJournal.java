package org.camelmindee.ocr.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camelmindee.ocr.journal.Claim;
import org.camelmindee.ocr.journal.JobJournal;
import org.camelmindee.ocr.journal.JournalEntry;
import org.camelmindee.ocr.model.ErrorResponse;
import org.camelmindee.ocr.model.MindeeJson;

/**
 * The job journal of a fleet, in one PostgreSQL table ({@code mindee_ocr_journal}, made when absent) that every
 * instance shares: a document claimed, enqueued or failed on one instance is known to all. A claim is one transaction
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, else the row locked and read), so of two instances with the same
 * document one sends it and the other follows. A claim whose lease ran out (its instance died) is taken over when its
 * upload had not begun, and reported uncertain when it had. Every call runs on the journal's own threads; times are the
 * database's. Expired rows are deleted now and then by the instances themselves.
 */
public final class JdbcJobJournal implements JobJournal {

    private static final long PURGE_EVERY = 500;

    private final DataSource dataSource;
    private final ExecutorService executor;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicLong writes = new AtomicLong();

    public JdbcJobJournal(DataSource dataSource) {
        this(dataSource, 2);
    }

    /** A journal on {@code dataSource}, with {@code threads} connections in use at most. */
    public JdbcJobJournal(DataSource dataSource, int threads) {
        this.dataSource = dataSource;
        JdbcSupport.createSchema(dataSource, "the job journal's table mindee_ocr_journal");
        this.executor = JdbcSupport.executor("MindeeOcrJournal", threads);
    }

    @Override
    public CompletableFuture<Claim> claim(String key, long leaseMillis) {
        return CompletableFuture.supplyAsync(() -> inTransaction(connection -> {
            long now = JdbcSupport.nowMicros(connection);
            long lease = now + leaseMillis * 1000;
            if (JdbcSupport.update(connection,
                    "INSERT INTO mindee_ocr_journal (doc_key, state, owner, expires_at) VALUES (?, 'SENDING', ?, ?)"
                    + " ON CONFLICT (doc_key) DO NOTHING", key, owner, lease) == 1) {
                return Claim.grant();
            }
            JournalEntry entry = select(connection, key, true);
            if (entry == null) {
                // deleted between the two statements: ask again
                return null;
            }
            boolean expired = entry.expiresAt() <= now / 1000;
            if (!expired) {
                return Claim.known(entry);
            }
            if (entry.state() == JournalEntry.State.UPLOADING) {
                // its sender died mid-upload: Mindee may have a job. Reported once; the next delivery sends anew
                JdbcSupport.update(connection, "DELETE FROM mindee_ocr_journal WHERE doc_key = ?", key);
                return Claim.uncertain(entry);
            }
            // an expired outcome, or a claim whose sender died before its upload began: no job can exist
            JdbcSupport.update(connection,
                    "UPDATE mindee_ocr_journal SET state = 'SENDING', owner = ?, job_id = NULL, polling_url = NULL,"
                    + " result_json = NULL, failure_json = NULL, message = NULL, expires_at = ? WHERE doc_key = ?",
                    owner, lease, key);
            return Claim.grant();
        }), executor).thenCompose(claim -> claim == null ? claim(key, leaseMillis) : CompletableFuture.completedFuture(claim));
    }

    @Override
    public CompletableFuture<Void> uploading(String key, long leaseMillis) {
        return CompletableFuture.supplyAsync(() -> inTransaction(connection -> {
            // this instance's claim only: one that another instance took over stays theirs
            JdbcSupport.update(connection,
                    "INSERT INTO mindee_ocr_journal (doc_key, state, owner, expires_at) VALUES (?, 'UPLOADING', ?, "
                    + JdbcSupport.NOW_MICROS + " + ?) ON CONFLICT (doc_key) DO UPDATE SET state = 'UPLOADING',"
                    + " expires_at = EXCLUDED.expires_at WHERE mindee_ocr_journal.owner = EXCLUDED.owner",
                    key, owner, leaseMillis * 1000);
            return null;
        }), executor);
    }

    @Override
    public CompletableFuture<Void> enqueued(String key, String jobId, String pollingUrl, long retentionMillis) {
        return upsert(key, "ENQUEUED", jobId, pollingUrl, null, null, null, retentionMillis);
    }

    @Override
    public CompletableFuture<Void> processed(String key, String jobId, String pollingUrl, String resultJson,
                                             long retentionMillis) {
        return upsert(key, "PROCESSED", jobId, pollingUrl, resultJson, null, null, retentionMillis);
    }

    @Override
    public CompletableFuture<Void> failed(String key, String jobId, ErrorResponse problem, String message,
                                          long retentionMillis) {
        return upsert(key, "FAILED", jobId, null, null, json(problem), message, retentionMillis);
    }

    @Override
    public CompletableFuture<Void> forget(String key) {
        return CompletableFuture.supplyAsync(() -> inTransaction(connection -> {
            JdbcSupport.update(connection, "DELETE FROM mindee_ocr_journal WHERE doc_key = ?", key);
            return null;
        }), executor);
    }

    @Override
    public CompletableFuture<JournalEntry> find(String key) {
        return CompletableFuture.supplyAsync(() -> inTransaction(connection -> {
            JournalEntry entry = select(connection, key, false);
            return entry == null || entry.expiresAt() <= JdbcSupport.nowMicros(connection) / 1000 ? null : entry;
        }), executor);
    }

    private CompletableFuture<Void> upsert(String key, String state, String jobId, String pollingUrl,
                                           String resultJson, String failureJson, String message,
                                           long retentionMillis) {
        return CompletableFuture.supplyAsync(() -> inTransaction(connection -> {
            JdbcSupport.update(connection,
                    "INSERT INTO mindee_ocr_journal (doc_key, state, owner, job_id, polling_url, result_json,"
                    + " failure_json, message, expires_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, " + JdbcSupport.NOW_MICROS
                    + " + ?) ON CONFLICT (doc_key) DO UPDATE SET state = EXCLUDED.state, owner = NULL,"
                    + " job_id = EXCLUDED.job_id, polling_url = EXCLUDED.polling_url,"
                    + " result_json = EXCLUDED.result_json, failure_json = EXCLUDED.failure_json,"
                    + " message = EXCLUDED.message, expires_at = EXCLUDED.expires_at",
                    key, state, jobId, pollingUrl, resultJson, failureJson, message, retentionMillis * 1000);
            if (writes.incrementAndGet() % PURGE_EVERY == 0) {
                JdbcSupport.update(connection, "DELETE FROM mindee_ocr_journal WHERE expires_at < "
                        + JdbcSupport.NOW_MICROS + " AND state NOT IN ('SENDING', 'UPLOADING')");
            }
            return null;
        }), executor);
    }

    private static JournalEntry select(Connection connection, String key, boolean lock) throws SQLException {
        List<JournalEntry> entries = JdbcSupport.query(connection,
                "SELECT state, owner, job_id, polling_url, result_json, failure_json, message, expires_at"
                + " FROM mindee_ocr_journal WHERE doc_key = ?" + (lock ? " FOR UPDATE" : ""),
                rs -> new JournalEntry(key, JournalEntry.State.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), problem(rs.getString(6)), rs.getString(7),
                        rs.getLong(8) / 1000),
                key);
        return entries.isEmpty() ? null : entries.get(0);
    }

    private <T> T inTransaction(JdbcSupport.SqlWork<T> work) {
        try {
            return JdbcSupport.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The job journal's database failed: " + e.getMessage(), e);
        }
    }

    private static String json(ErrorResponse problem) {
        try {
            return problem == null ? null : MindeeJson.mapper().writeValueAsString(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorResponse problem(String json) {
        try {
            return json == null ? null : MindeeJson.mapper().readValue(json, ErrorResponse.class);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "JdbcJobJournal";
    }
}
