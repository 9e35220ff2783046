package org.camelmindee.ocr.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budget on a real PostgreSQL: each {@link JdbcRateBudgetStore} is one instance of the application (its own
 * threads and connections), and they share one account. Windows are short (a second or two) so that the test takes
 * seconds; the properties are counts within windows and lower bounds (a loaded machine only makes grants later),
 * with a tenth of a window of slack for the moments a grant's answer takes to reach the caller. How fully the budget is
 * spent is the fleet benchmark's figure, not a test's.
 */
class JdbcRateBudgetTest {

    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(1500);
    private static final long SLACK = WINDOW / 10;


    @Test
    void threeInstancesTogetherGrantAtMostTheLimitInAnyWindow() throws Exception {
        int limit = 8;
        List<JdbcRateBudgetStore> instances = List.of(new JdbcRateBudgetStore(PostgresServer.dataSource()),
                new JdbcRateBudgetStore(PostgresServer.dataSource()), new JdbcRateBudgetStore(PostgresServer.dataSource()));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<CompletableFuture<Long>> grants = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                grants.add(instances.get(i % 3).budget("account-a:enqueue", limit, WINDOW)
                        .acquire(System.nanoTime(), deadline));
            }
            List<Long> times = new ArrayList<>();
            for (CompletableFuture<Long> grant : grants) {
                times.add(grant.get(30, TimeUnit.SECONDS));
            }
            times.sort(null);
            for (int i = 0; i + limit < times.size(); i++) {
                long gap = times.get(i + limit) - times.get(i);
                assertTrue(gap >= WINDOW - SLACK, "grants " + i + " and " + (i + limit) + " are "
                                                  + TimeUnit.NANOSECONDS.toMillis(gap) + " ms apart: "
                                                  + (limit + 1) + " in one window");
            }
        } finally {
            instances.forEach(JdbcRateBudgetStore::close);
        }
    }

    @Test
    void aPauseSeenByOneInstanceHoldsEveryInstance() throws Exception {
        try (JdbcRateBudgetStore a = new JdbcRateBudgetStore(PostgresServer.dataSource());
             JdbcRateBudgetStore b = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JdbcRateBudget onB = b.budget("account-b:get", 100, WINDOW);
            long first = onB.acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS);

            long pausedAt = System.nanoTime();
            a.budget("account-b:get", 100, WINDOW).pauseUntil(pausedAt + WINDOW);
            Thread.sleep(200);   // the pause is written on a's thread; b reads it with its next grant

            long next = onB.acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS);
            assertTrue(next >= pausedAt + WINDOW - SLACK, "b granted " + TimeUnit.NANOSECONDS.toMillis(next - pausedAt)
                                                          + " ms after a's 429 paused the account for "
                                                          + TimeUnit.NANOSECONDS.toMillis(WINDOW) + " ms");
            assertTrue(first <= pausedAt);
            assertEquals(0, onB.available(pausedAt + WINDOW / 2), "nothing available while paused");
        }
    }

    @Test
    void anInstanceThatDiesLeavesNeitherALeakNorASecondBudget() throws Exception {
        int limit = 5;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JdbcRateBudgetStore dying = new JdbcRateBudgetStore(PostgresServer.dataSource());
        List<CompletableFuture<Long>> spent = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            spent.add(dying.budget("account-c:enqueue", limit, WINDOW).acquire(System.nanoTime(), deadline));
        }
        List<Long> dead = new ArrayList<>();
        for (CompletableFuture<Long> grant : spent) {
            dead.add(grant.get(10, TimeUnit.SECONDS));
        }
        dead.sort(null);
        // it dies with more documents waiting: their slots lie beyond the horizon, so it holds none of them
        for (int i = 0; i < 20; i++) {
            dying.budget("account-c:enqueue", limit, WINDOW).acquire(System.nanoTime(), deadline);
        }
        Thread.sleep(50);
        dying.close();
        try (Connection connection = PostgresServer.dataSource().getConnection();
             PreparedStatement held = connection.prepareStatement("SELECT count(*) FROM mindee_ocr_budget_slot"
                     + " WHERE budget = 'account-c:enqueue' AND granted_at > " + JdbcSupport.NOW_MICROS + " + ?");
             PreparedStatement total = connection.prepareStatement("SELECT count(*) FROM mindee_ocr_budget_slot"
                     + " WHERE budget = 'account-c:enqueue'")) {
            held.setLong(1, TimeUnit.NANOSECONDS.toMicros(WINDOW) / 30);
            try (ResultSet rs = held.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no leak: the dead instance holds no slot beyond the horizon");
            }
            try (ResultSet rs = total.executeQuery()) {
                rs.next();
                assertEquals(limit, rs.getInt(1), "one set of slots, whoever made them");
            }
        }

        try (JdbcRateBudgetStore fresh = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            JdbcRateBudget budget = fresh.budget("account-c:enqueue", limit, WINDOW);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                times.add(budget.acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS));
            }
            times.sort(null);
            for (int i = 0; i < limit; i++) {
                // not a second budget: each slot the dead instance spent comes back a window after its grant
                assertTrue(times.get(i) >= dead.get(i) + WINDOW - SLACK, "slot " + i + " granted again "
                           + TimeUnit.NANOSECONDS.toMillis(dead.get(i) + WINDOW - times.get(i)) + " ms early");
            }
        }
    }

    @Test
    void aRequestThatCannotHaveASlotBeforeItsDeadlineFailsWithoutSpendingOne() throws Exception {
        try (JdbcRateBudgetStore instance = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            JdbcRateBudget budget = instance.budget("account-d:enqueue", 1, TimeUnit.SECONDS.toNanos(20));
            long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            budget.acquire(System.nanoTime(), far).get(10, TimeUnit.SECONDS);

            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> budget.acquire(System.nanoTime(), System.nanoTime() + TimeUnit.SECONDS.toNanos(1))
                            .get(10, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, refused.getCause());
            assertEquals(0, budget.available(System.nanoTime()));
        }
    }
}

