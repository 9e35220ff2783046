package org.camelmindee.ocr.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.api.RequestBudget;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A replica that {@link JdbcRateBudgetTest} kills: in a JVM of its own, it spends every slot of a shared budget, queues
 * more documents for the next ones, says so on its output, and waits to be killed with SIGKILL.
 *
 * <p>Arguments: {@code jdbcUrl budget limit windowMillis waitingDocuments}.
 */
public final class BudgetReplicaMain {

    private BudgetReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        int limit = Integer.parseInt(args[2]);
        JdbcRateBudget budget = new JdbcRateBudgetStore(dataSource).budget(args[1], limit,
                TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3])));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        List<CompletableFuture<RequestBudget.Grant>> spent = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            spent.add(budget.acquire(System.nanoTime(), deadline));
        }
        CompletableFuture.allOf(spent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (int i = 0; i < Integer.parseInt(args[4]); i++) {
            budget.acquire(System.nanoTime(), deadline);
        }
        System.out.println("holding " + limit + " slots");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
    }
}
