package org.camelmindee.ocr.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camelmindee.ocr.api.RequestBudget.Grant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared budget on a real PostgreSQL: each {@link JdbcRateBudgetStore} is one instance of the application (its own
 * threads and connections), and they share one account; the replica that dies is a JVM of its own, killed. Windows are short (a second or two) so that the test takes
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
            List<CompletableFuture<Grant>> grants = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                grants.add(instances.get(i % 3).budget("account-a:enqueue", limit, WINDOW)
                        .acquire(System.nanoTime(), deadline));
            }
            List<Long> times = new ArrayList<>();
            for (CompletableFuture<Grant> grant : grants) {
                times.add(grant.get(30, TimeUnit.SECONDS).at());
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
    void aSlotCountsFromItsRequestsAnswerOnEveryInstance() throws Exception {
        try (JdbcRateBudgetStore a = new JdbcRateBudgetStore(PostgresServer.dataSource());
             JdbcRateBudgetStore b = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            String budget = "account-e:enqueue";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Grant sentLate = a.budget(budget, 1, WINDOW).acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS);
            long grantedMicros = grants(budget).get(0);

            // the request went late and its answer came 400 ms after its grant: the server may have counted it then
            long answer = sentLate.at() + TimeUnit.MILLISECONDS.toNanos(400);
            sentLate.answered(answer);
            long deadlineToWrite = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (grants(budget).get(0) == grantedMicros && System.nanoTime() < deadlineToWrite) {
                Thread.sleep(20);   // a's thread writes the answer
            }

            long next = b.budget(budget, 1, WINDOW).acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS)
                    .at();
            assertTrue(next >= answer + WINDOW - SLACK, "b's grant came "
                       + TimeUnit.NANOSECONDS.toMillis(next - answer) + " ms after a's answer, not a window");
        }
    }

    @Test
    void aPauseSeenByOneInstanceHoldsEveryInstance() throws Exception {
        try (JdbcRateBudgetStore a = new JdbcRateBudgetStore(PostgresServer.dataSource());
             JdbcRateBudgetStore b = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JdbcRateBudget onB = b.budget("account-b:get", 100, WINDOW);
            long first = onB.acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS).at();

            long pausedAt = System.nanoTime();
            a.budget("account-b:get", 100, WINDOW).pauseUntil(pausedAt + WINDOW);
            Thread.sleep(200);   // the pause is written on a's thread; b reads it with its next grant

            long next = onB.acquire(System.nanoTime(), deadline).get(10, TimeUnit.SECONDS).at();
            assertTrue(next >= pausedAt + WINDOW - SLACK, "b granted " + TimeUnit.NANOSECONDS.toMillis(next - pausedAt)
                                                          + " ms after a's 429 paused the account for "
                                                          + TimeUnit.NANOSECONDS.toMillis(WINDOW) + " ms");
            // granted before the pause, for a moment at most the grant's lead ahead (half a horizon)
            assertTrue(first <= pausedAt + SLACK);
            assertEquals(0, onB.available(pausedAt + WINDOW / 2), "nothing available while paused");
        }
    }

    @Test
    void aReplicaKilledWhileHoldingSlotsLeavesNeitherALeakNorASecondBudget() throws Exception {
        int limit = 5;
        String budget = "account-c:enqueue";
        long windowMicros = TimeUnit.NANOSECONDS.toMicros(WINDOW);
        // a real process: it spends the whole budget, has 20 more documents waiting, and is killed with SIGKILL
        Process replica = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BudgetReplicaMain.class.getName(),
                PostgresServer.jdbcUrl(), budget, Integer.toString(limit),
                Long.toString(TimeUnit.NANOSECONDS.toMillis(WINDOW)), "20").redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(replica.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            for (String line = output.readLine(); line != null && !line.startsWith("holding");
                 line = output.readLine()) {
                said.append(line).append('\n');
            }
            assertTrue(replica.isAlive(), "the replica ended before holding its slots:\n" + said);
        } finally {
            replica.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Map<Integer, Long> dead = grants(budget);
        try (Connection connection = PostgresServer.dataSource().getConnection()) {
            long now = JdbcSupport.nowMicros(connection);
            assertEquals(limit, dead.size(), "one set of slots, whoever made them");
            dead.forEach((slot, at) -> assertTrue(at <= now + windowMicros / 30, "no leak: the dead replica"
                    + " holds slot " + slot + " " + (at - now) / 1000 + " ms ahead, beyond the horizon"));
        }

        try (JdbcRateBudgetStore fresh = new JdbcRateBudgetStore(PostgresServer.dataSource())) {
            JdbcRateBudget shared = fresh.budget(budget, limit, WINDOW);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<CompletableFuture<Grant>> grants = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                grants.add(shared.acquire(System.nanoTime(), deadline));
            }
            for (CompletableFuture<Grant> grant : grants) {
                grant.get(30, TimeUnit.SECONDS);   // the whole budget again: nothing leaked
            }
        }
        Map<Integer, Long> again = grants(budget);
        dead.forEach((slot, at) -> assertTrue(again.get(slot) >= at + windowMicros, "not a second budget: slot "
                + slot + " granted again " + (at + windowMicros - again.get(slot)) / 1000 + " ms early"));
    }

    /** Each slot's last grant, in the database's microseconds. */
    private static Map<Integer, Long> grants(String budget) throws Exception {
        Map<Integer, Long> grants = new TreeMap<>();
        try (Connection connection = PostgresServer.dataSource().getConnection();
             PreparedStatement slots = connection.prepareStatement(
                     "SELECT slot, granted_at FROM mindee_ocr_budget_slot WHERE budget = ?")) {
            slots.setString(1, budget);
            try (ResultSet rs = slots.executeQuery()) {
                while (rs.next()) {
                    grants.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return grants;
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

