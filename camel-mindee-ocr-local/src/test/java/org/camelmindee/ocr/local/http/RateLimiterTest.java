package org.camelmindee.ocr.local.http;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.camelmindee.ocr.local.MutableClock;
import org.junit.jupiter.api.Test;

/** What the 429 text promises, on a clock the test holds: so many requests in any window, never more. */
class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(clock, 60, Duration.ofMinutes(1));

    private int passing(int tries) {
        int passed = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.tryAcquire()) {
                passed++;
            }
        }
        return passed;
    }

    @Test
    void theFirstMinuteLetsTheLimitThroughAndNoMore() {
        assertEquals(60, limiter.limit());
        assertEquals(60, passing(100));
        // a bucket refilled as it goes would let about as many again through before the minute is over
        for (int second = 1; second < 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(0, passing(10), "at " + second + " s");
        }
        clock.advance(Duration.ofSeconds(1));
        assertEquals(60, passing(100), "a minute after the first requests, their slots are free again");
    }

    @Test
    void anyWindowHoldsAtMostTheLimit() {
        // 30 at 0 s and 30 at 30 s fill the minute; at 60 s the first 30 leave it, at 90 s the next 30
        assertEquals(30, passing(30));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(30, passing(40));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, passing(10));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(30, passing(40));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(30, passing(40));
    }

    @Test
    void retryAfterIsTheTimeUntilTheOldestRequestLeavesTheWindow() {
        assertEquals(0, limiter.secondsUntilNext());
        passing(60);
        assertEquals(60, limiter.secondsUntilNext());
        clock.advance(Duration.ofMillis(20_500));
        assertEquals(40, limiter.secondsUntilNext(), "39.5 s, rounded up");
        clock.advance(Duration.ofMillis(39_500));
        assertEquals(0, limiter.secondsUntilNext());
    }

    @Test
    void aShorterWindowCountsTheSameLimitFaster() {
        RateLimiter scaled = new RateLimiter(clock, 2, Duration.ofMillis(300));
        assertTrue(scaled.tryAcquire());
        assertTrue(scaled.tryAcquire());
        assertFalse(scaled.tryAcquire());
        assertEquals(1, scaled.secondsUntilNext(), "Retry-After is whole seconds, at least 1");
        clock.advance(Duration.ofMillis(300));
        assertTrue(scaled.tryAcquire());
    }
}
