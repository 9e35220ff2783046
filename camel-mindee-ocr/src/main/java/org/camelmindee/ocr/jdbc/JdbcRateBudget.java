package org.camelmindee.ocr.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.camelmindee.ocr.api.RequestBudget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's budget of one kind of request (enqueues, or GETs), shared by every instance through PostgreSQL: at
 * most {@code limit} requests in any {@code window}, account-wide.
 *
 * <p>The table holds {@code limit} slots per budget, each with the moment it counts from. A grant takes the slot
 * that frees first and sets it to the later of now, the budget's pause, and its moment plus the window; once the
 * request is answered, the slot counts from the answer, the latest moment the server can have counted the request,
 * so that one sent late does not let the next in its slot reach the server less than a window after it. Since each
 * slot serves at most one request a window, no window holds more than {@code limit} requests, whichever instances
 * asked. Instances register nothing: one that starts simply asks, one that dies leaves slots that free themselves a
 * window after their grant. A grant is taken only when it falls within a short horizon (a thirtieth of the window),
 * so a process killed while documents wait holds none of their future slots.
 *
 * <p>Callers never wait on a thread: {@link #acquire} returns a future completed with the moment (this JVM's
 * {@link System#nanoTime()}) the request may go. One thread per budget asks the database for the slots of the
 * documents at the head of this instance's queue, a batch per transaction, and sleeps on its scheduler until the
 * next slot frees when none is free. A 429 seen by any instance pauses the budget for all ({@link #pauseUntil}).
 * Times are the database's, so the instances' clocks need not agree; each grant is sent at its moment of the
 * database's clock, read on this JVM's through a {@link DatabaseClock}, so that what a transaction took does not shift
 * it (at Mindee's limits the window's margin is 500 ms; in a benchmark scaled 20 times, 25 ms).
 */
public final class JdbcRateBudget implements RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRateBudget.class);
    private static final int BATCH = 64;
    private static final long RETRY_AFTER_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataSource dataSource;
    private final DatabaseClock clock;
    private final ScheduledExecutorService thread;
    private final String name;
    private final int limit;
    private final long windowNanos;
    private final long windowMicros;
    private final long horizonMicros;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Answers not yet written: slot and moment of the database's clock, in microseconds. */
    private final ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile int available;
    private volatile long availableAt;
    private volatile long pausedUntil;
    /** A moving average of what one grant's transaction takes, start to commit; a guess until the first. */
    private long transactionMicros = 5000;
    private long leadMicros;

    JdbcRateBudget(DataSource dataSource, DatabaseClock clock, ScheduledExecutorService thread, String name, int limit,
                   long windowNanos) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate budget needs a limit of at least 1 a window, not " + limit);
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.thread = thread;
        this.name = name;
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.windowMicros = TimeUnit.NANOSECONDS.toMicros(windowNanos);
        this.horizonMicros = Math.max(1000, windowMicros / 30);
        this.leadMicros = Math.min(horizonMicros / 2, 2 * transactionMicros);
        this.available = limit;
        this.availableAt = System.nanoTime();
        createSlots();
    }

    private void createSlots() throws SQLException {
        JdbcSupport.autoCommit(dataSource, connection -> {
            JdbcSupport.update(connection,
                    "INSERT INTO mindee_ocr_budget (budget, paused_until) VALUES (?, 0) ON CONFLICT DO NOTHING", name);
            JdbcSupport.update(connection, "INSERT INTO mindee_ocr_budget_slot (budget, slot, granted_at)"
                    + " SELECT ?, s, 0 FROM generate_series(0, ? - 1) s ON CONFLICT DO NOTHING", name, limit);
            return null;
        });
    }

    /**
     * A slot for one request: the future completes with the {@link System#nanoTime()} at which the request may go, or
     * fails with a {@link TimeoutException} when no slot can be had before {@code deadline}. {@code now} is not
     * needed: the database's clock decides.
     */
    @Override
    public CompletableFuture<Grant> acquire(long now, long deadline) {
        Waiter waiter = new Waiter(deadline);
        waiters.add(waiter);
        kick();
        return waiter.future;
    }

    /** No grant, on any instance, before {@code until} (this JVM's nano time): the server said 429. */
    @Override
    public void pauseUntil(long until) {
        long micros = TimeUnit.NANOSECONDS.toMicros(Math.max(0, until - System.nanoTime()));
        pausedUntil = Math.max(pausedUntil, until);
        thread.execute(() -> {
            try {
                JdbcSupport.autoCommit(dataSource, connection -> JdbcSupport.update(connection,
                        "UPDATE mindee_ocr_budget SET paused_until = greatest(paused_until, "
                        + JdbcSupport.NOW_MICROS + " + ?) WHERE budget = ?", micros, name));
            } catch (SQLException e) {
                LOG.warn("Could not pause the shared rate budget {}: {}", name, e.getMessage());
            }
        });
    }

    /**
     * How many requests could go now, as the database said at its last answer (at most a fortieth of a window ago
     * while someone asks): the poll planner spends it, and an estimate is what it needs.
     */
    @Override
    public int available(long now) {
        if (now < pausedUntil) {
            return 0;
        }
        if (now - availableAt > windowNanos / 40 && refreshing.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    JdbcSupport.autoCommit(dataSource, this::readState);
                } catch (SQLException e) {
                    LOG.debug("Could not read the shared rate budget {}: {}", name, e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return available;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public long windowNanos() {
        return windowNanos;
    }

    public String name() {
        return name;
    }

    private void kick() {
        if (pumping.compareAndSet(false, true)) {
            thread.execute(this::pump);
        }
    }

    /** Grants the slots of the documents at the head of the queue; runs on the budget's thread only. */
    private void pump() {
        try {
            while (true) {
                long now = System.nanoTime();
                failOverdue(now);
                if (waiters.isEmpty()) {
                    pumping.set(false);
                    // a waiter that came after the check and before the flag: pump again
                    if (waiters.isEmpty() || !pumping.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                Grants grants = reserve(Math.min(BATCH, waiters.size()));
                long arrived = System.nanoTime();
                for (long[] slotAndMicros : grants.grants) {
                    // the grant's own moment on this JVM's clock, not 'now plus a wait' counted after the transaction
                    long moment = clock.toLocal(slotAndMicros[1]);
                    if (arrived - moment > TimeUnit.MICROSECONDS.toNanos(horizonMicros / 8)) {
                        // the transaction outlasted the lead by half the window's margin: sent now, it would land
                        // too close to that slot's next grant. The slot goes unused; the waiter asks again
                        continue;
                    }
                    Waiter waiter = waiters.poll();
                    if (waiter == null) {
                        break;   // cannot happen: only this thread takes from the queue
                    }
                    int slot = (int) slotAndMicros[0];
                    waiter.future.complete(new Grant(moment, answer -> answered(slot, answer)));
                }
                if (grants.nextFreeMicros >= 0 && !waiters.isEmpty()) {
                    long next = clock.toLocal(grants.nextFreeMicros);
                    failOverdue(next);
                    // until the next slot is half a horizon away, so that one transaction takes the slots of half a
                    // horizon rather than one each; never long, since another instance's grants move it
                    long sleep = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(windowNanos / 8,
                            next - TimeUnit.MICROSECONDS.toNanos(horizonMicros / 2) - System.nanoTime()));
                    thread.schedule(this::pump, sleep, TimeUnit.NANOSECONDS);
                    return;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The shared rate budget {} could not reach its database ({}); asking again in 1 s", name,
                    e.getMessage());
            thread.schedule(this::pump, RETRY_AFTER_FAILURE_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    /** Fails the waiters that cannot have a slot before their deadline, {@code at} being the earliest slot. */
    private void failOverdue(long at) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.deadline < at) {
                it.remove();
                waiter.future.completeExceptionally(new TimeoutException(
                        "The deadline passes before the account's shared rate budget " + name + " has a slot"));
            }
        }
    }

    /**
     * One transaction: up to {@code count} slots that free within the horizon, earliest first, as moments of the
     * database's clock. A slot free now is granted a lead ahead (about twice what a transaction takes here), so that
     * the grant reaches this JVM before its moment and goes out on time, not late by the transaction.
     */
    private Grants reserve(int count) throws SQLException {
        long started = System.nanoTime();
        Grants grants = JdbcSupport.inTransaction(dataSource, connection -> {
            clock.read(connection);
            List<long[]> granted = JdbcSupport.query(connection, """
                    WITH clock AS (
                        SELECT %s AS now,
                               (SELECT paused_until FROM mindee_ocr_budget WHERE budget = ?) AS paused),
                    picked AS (
                        SELECT s.slot FROM mindee_ocr_budget_slot s, clock
                        WHERE s.budget = ? AND s.slot < ?
                          AND s.granted_at + ? <= clock.now + ? AND clock.paused <= clock.now + ?
                        ORDER BY s.granted_at LIMIT ? FOR UPDATE OF s SKIP LOCKED)
                    UPDATE mindee_ocr_budget_slot u
                    SET granted_at = greatest(clock.now + ?, clock.paused, u.granted_at + ?)
                    FROM picked, clock
                    WHERE u.budget = ? AND u.slot = picked.slot
                    RETURNING u.slot, u.granted_at""".formatted(JdbcSupport.NOW_MICROS),
                    rs -> new long[] {rs.getInt(1), rs.getLong(2)},
                    name, name, limit, windowMicros, horizonMicros, horizonMicros, count,   // clock, picked
                    leadMicros, windowMicros, name);                                        // the update
            granted.sort(Comparator.comparingLong(slotAndMicros -> slotAndMicros[1]));
            long nextFree = readState(connection);
            return new Grants(granted, granted.size() < count ? nextFree : -1);
        });
        // the lead follows what transactions cost lately: twice their moving average, from 1 ms to half the horizon
        long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        transactionMicros = (transactionMicros * 4 + took) / 5;
        leadMicros = Math.max(1000, Math.min(horizonMicros / 2, 2 * transactionMicros));
        return grants;
    }

    /**
     * Reads how many slots are free now and caches it; returns when the next slot frees (or the pause ends), as a
     * moment of the database's clock in microseconds.
     */
    private long readState(Connection connection) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE s.granted_at + ? <= c.now), min(s.granted_at) + ?,
                       max(b.paused_until), c.now
                FROM mindee_ocr_budget_slot s
                JOIN mindee_ocr_budget b ON b.budget = s.budget
                CROSS JOIN (SELECT %s AS now) c
                WHERE s.budget = ? AND s.slot < ?
                GROUP BY c.now""".formatted(JdbcSupport.NOW_MICROS))) {
            state.setLong(1, windowMicros);
            state.setLong(2, windowMicros);
            state.setString(3, name);
            state.setInt(4, limit);
            try (ResultSet rs = state.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                long paused = rs.getLong(3);
                boolean isPaused = paused > rs.getLong(4);
                if (isPaused) {
                    pausedUntil = Math.max(pausedUntil, clock.toLocal(paused));
                }
                available = isPaused ? 0 : rs.getInt(1);
                availableAt = System.nanoTime();
                return Math.max(rs.getLong(2), paused);
            }
        }
    }

    /** Queues a request's answer to be written by the budget's thread, with the others that came meanwhile. */
    private void answered(int slot, long moment) {
        answers.add(new long[] {slot, clock.toDatabase(moment)});
        if (recording.compareAndSet(false, true)) {
            thread.execute(this::recordAnswers);
        }
    }

    /** Moves each answered slot's moment to its answer, in one statement; runs on the budget's thread only. */
    private void recordAnswers() {
        recording.set(false);
        Map<Integer, Long> latest = new HashMap<>();
        for (long[] answer; (answer = answers.poll()) != null;) {
            latest.merge((int) answer[0], answer[1], Math::max);
        }
        if (latest.isEmpty()) {
            return;
        }
        try {
            JdbcSupport.autoCommit(dataSource, connection -> JdbcSupport.update(connection, """
                    UPDATE mindee_ocr_budget_slot s SET granted_at = greatest(s.granted_at, a.at)
                    FROM unnest(?::int[], ?::bigint[]) AS a(slot, at)
                    WHERE s.budget = ? AND s.slot = a.slot""",
                    connection.createArrayOf("integer", latest.keySet().toArray()),
                    connection.createArrayOf("bigint", latest.values().toArray()), name));
        } catch (SQLException e) {
            // the slots then count from their grants, as if each request had been answered at once
            LOG.warn("Could not record answers in the shared rate budget {}: {}", name, e.getMessage());
        }
    }

    /**
     * Grants, each a slot and its moment, and the next free slot's moment, of the database's clock (microseconds); -1
     * when no slot is due.
     */
    private record Grants(List<long[]> grants, long nextFreeMicros) {
    }

    private static final class Waiter {
        final long deadline;
        final CompletableFuture<Grant> future = new CompletableFuture<>();

        Waiter(long deadline) {
            this.deadline = deadline;
        }
    }

    @Override
    public String toString() {
        return "JdbcRateBudget[" + name + ", " + limit + " per " + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms]";
    }
}

