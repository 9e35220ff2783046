package org.camelmindee.ocr.api;

/**
 * Makes rate budgets that several instances of an application share, so that together they stay within the account's
 * limits: the component's {@code rateBudget} option. {@code org.camelmindee.ocr.jdbc.JdbcRateBudgetStore} keeps them in
 * PostgreSQL. Without one, each component counts in its own JVM ({@link RateBudget}).
 */
public interface RateBudgetStore {

    /**
     * The budget named {@code name} (an account and a kind of request; never the API key itself): at most
     * {@code limit} requests in any {@code windowNanos}, over every instance that asks this store for it.
     */
    RequestBudget budget(String name, int limit, long windowNanos);
}
