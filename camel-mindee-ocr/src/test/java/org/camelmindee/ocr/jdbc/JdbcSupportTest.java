package org.camelmindee.ocr.jdbc;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statement helpers on a real PostgreSQL: the types the server sees for each kind of parameter. */
class JdbcSupportTest {

    @Test
    void bindsEachParameterWithTheTypeItsOwnSetterGivesAndANullAsText() throws Exception {
        List<List<String>> types = JdbcSupport.autoCommit(PostgresServer.dataSource(), connection -> JdbcSupport.query(
                connection, "SELECT pg_typeof(?)::text, pg_typeof(?)::text, pg_typeof(?)::text, pg_typeof(?)::text,"
                            + " pg_typeof(?)::text",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                "text", 1L, 1, null, connection.createArrayOf("bigint", new Object[] {1L})));

        assertEquals(List.of(List.of("character varying", "bigint", "integer", "character varying", "bigint[]")), types);
    }

    @Test
    void updateReturnsHowManyRowsItChanged() throws Exception {
        JdbcSupport.createSchema(PostgresServer.dataSource(), "the budget's tables");
        int changed = JdbcSupport.autoCommit(PostgresServer.dataSource(), connection -> {
            JdbcSupport.update(connection, "INSERT INTO mindee_ocr_budget (budget, paused_until) VALUES (?, ?)",
                    "support-test", 0L);
            return JdbcSupport.update(connection, "UPDATE mindee_ocr_budget SET paused_until = ? WHERE budget = ?",
                    5L, "support-test");
        });

        assertEquals(1, changed);
    }
}
