package org.camelmindee.ocr.local.http;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.MutableClock;

/** The account's rate limits, on a clock the test holds. */
class RateLimiterTest {

    @Test
    void rateLimiterRefillsOverTheMinute() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(clock, 60, Duration.ofMinutes(1));
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.tryAcquire());
        }
        assertFalse(limiter.tryAcquire());
        assertEquals(1, limiter.secondsUntilNext());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }
}
