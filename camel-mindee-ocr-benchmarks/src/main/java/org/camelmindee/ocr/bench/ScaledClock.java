package org.camelmindee.ocr.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs {@code scale} times faster than the real one, from the moment it is made: scenario time. */
final class ScaledClock extends Clock {

    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final double scale;

    ScaledClock(double scale) {
        this.scale = scale;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(Math.round((System.nanoTime() - startNanos) * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("scenario time is UTC");
    }
}
