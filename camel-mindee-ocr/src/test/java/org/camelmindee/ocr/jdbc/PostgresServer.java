package org.camelmindee.ocr.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests, one per test class: binaries from Maven (io.zonky.test), a data directory
 * in a temporary folder, a free port on loopback.
 */
final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    PostgresServer() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
