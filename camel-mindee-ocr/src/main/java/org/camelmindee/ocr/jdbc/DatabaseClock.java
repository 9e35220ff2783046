package org.camelmindee.ocr.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database's clock read on this JVM's {@link System#nanoTime()}: the offset between the two, measured as NTP's
 * clock filter does, by the reading with the shortest round trip. A grant the database times is then sent at its own
 * moment, whatever the transaction that carried it cost: two instances, or two transactions of one, that took 2 ms and
 * 80 ms to answer would otherwise send the same slot's grants 78 ms closer than a window.
 */
final class DatabaseClock {

    /** How much an old reading's round trip counts against it, per nanosecond of age: clocks drift, slowly. */
    private static final long AGEING = 10_000;

    private long offsetNanos;
    private long bestRoundTrip = Long.MAX_VALUE;
    private long bestAt;

    /** Reads the database's clock once, on {@code connection}, and keeps the reading if it is the best one. */
    synchronized void read(Connection connection) throws SQLException {
        long before = System.nanoTime();
        long databaseMicros = JdbcSupport.nowMicros(connection);
        long after = System.nanoTime();
        long roundTrip = after - before;
        long kept = bestRoundTrip == Long.MAX_VALUE ? Long.MAX_VALUE : bestRoundTrip + (after - bestAt) / AGEING;
        if (roundTrip <= kept) {
            bestRoundTrip = roundTrip;
            bestAt = after;
            offsetNanos = databaseMicros * 1000 - (before + roundTrip / 2);
        }
    }

    /** This JVM's nano time of a moment of the database's clock, in microseconds since the epoch. */
    synchronized long toLocal(long databaseMicros) {
        return databaseMicros * 1000 - offsetNanos;
    }

    /** A moment of this JVM's nano time on the database's clock, in microseconds since the epoch. */
    synchronized long toDatabase(long localNanos) {
        return (localNanos + offsetNanos) / 1000;
    }

    /** The round trip of the reading in use, in nanoseconds: the offset is right to within half of it. */
    synchronized long roundTrip() {
        return bestRoundTrip;
    }
}
