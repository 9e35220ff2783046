package org.camelmindee.ocr.local.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The times the server writes on jobs, results and webhook deliveries. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Now, to the microsecond as Mindee's timestamps are. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
