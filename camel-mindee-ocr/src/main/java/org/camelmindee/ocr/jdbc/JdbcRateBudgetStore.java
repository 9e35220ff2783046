package org.camelmindee.ocr.jdbc;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import org.camelmindee.ocr.api.RateBudgetStore;

/**
 * The rate budgets of every account, shared by every instance that points at the same PostgreSQL database: the bean a
 * fleet configures as the component's {@code rateBudget}. Budgets are named by a digest of the API key (never the
 * key) and the kind of request; the tables are made when absent.
 */
public final class JdbcRateBudgetStore implements RateBudgetStore, AutoCloseable {

    private final DataSource dataSource;
    private final Map<String, JdbcRateBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, ScheduledExecutorService> threads = new ConcurrentHashMap<>();
    private final DatabaseClock clock = new DatabaseClock();

    public JdbcRateBudgetStore(DataSource dataSource) {
        this.dataSource = dataSource;
        JdbcSupport.createSchema(dataSource, "the rate budget's tables mindee_ocr_budget and mindee_ocr_budget_slot");
    }

    /** The budget named {@code name}: at most {@code limit} requests in any {@code windowNanos}, fleet-wide. */
    @Override
    public JdbcRateBudget budget(String name, int limit, long windowNanos) {
        return budgets.computeIfAbsent(name + "/" + limit + "/" + windowNanos, k -> {
            ScheduledExecutorService thread = threads.computeIfAbsent(k, t -> Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread th = new Thread(runnable, "MindeeOcrBudget-" + name);
                        th.setDaemon(true);
                        return th;
                    }));
            try {
                return new JdbcRateBudget(dataSource, clock, thread, name, limit, windowNanos);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot set up the shared rate budget " + name + ": "
                                                + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        threads.values().forEach(ScheduledExecutorService::shutdownNow);
        threads.clear();
        budgets.clear();
    }
}
