package org.camelmindee.ocr.api;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** At most {@code limit} grants in any window, on a clock the test holds. */
class RateBudgetTest {

    @Test
    void aFullWindowMakesTheNextRequestWaitForTheOldestGrantToAge() {
        RateBudget budget = new RateBudget(3, 1000, TimeUnit.NANOSECONDS);

        assertEquals(0, budget.reserve(0));
        assertEquals(0, budget.reserve(10));
        assertEquals(0, budget.reserve(20));
        assertEquals(0, budget.available(20));
        assertEquals(1000 - 30, budget.reserve(30), "the 4th goes when the 1st leaves the window");
        assertEquals(1010 - 40, budget.reserve(40));

        assertEquals(0, budget.available(999));
        assertEquals(1, budget.available(1021), "grants at 0, 10 and 20 aged out; 1000 and 1010 are in");
        assertEquals(3, budget.available(2011));
    }

    @Test
    void aPauseHoldsEveryGrantUntilItEnds() {
        RateBudget budget = new RateBudget(10, 1000, TimeUnit.NANOSECONDS);
        budget.reserve(0);

        budget.pauseUntil(5000);

        assertEquals(0, budget.available(4999));
        assertEquals(5000 - 2000, budget.reserve(2000));
        assertEquals(9, budget.available(5999), "one grant, made at 5000, in the window");
    }
}
