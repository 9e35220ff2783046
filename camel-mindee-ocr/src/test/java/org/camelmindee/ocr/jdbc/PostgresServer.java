package org.camelmindee.ocr.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests: binaries from Maven (io.zonky.test), a data directory in a temporary
 * folder, a free port on loopback. One for the whole test JVM (its initdb takes seconds), stopped when the JVM ends;
 * each test uses keys and budget names of its own.
 */
final class PostgresServer {

    private static EmbeddedPostgres postgres;

    private PostgresServer() {
    }

    static DataSource dataSource() {
        return server().getPostgresDatabase();
    }

    /** The URL another JVM connects with. */
    static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is ending; the temporary data directory goes with it
                }
            }));
        }
        return postgres;
    }
}
