package org.camelmindee.ocr.api;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** At most {@code limit} requests in any window, counted from their answers, on a clock the test holds. */
class RateBudgetTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    @Test
    void aFullWindowMakesTheNextRequestWaitForTheOldestGrantToAge() {
        RateBudget budget = new RateBudget(3, 1000, TimeUnit.NANOSECONDS);

        assertEquals(0, budget.reserve(0, NO_DEADLINE).at());
        assertEquals(10, budget.reserve(10, NO_DEADLINE).at());
        assertEquals(20, budget.reserve(20, NO_DEADLINE).at());
        assertEquals(0, budget.available(20));
        assertEquals(1000, budget.reserve(30, NO_DEADLINE).at(), "the 4th goes when the 1st leaves the window");
        assertEquals(1010, budget.reserve(40, NO_DEADLINE).at());

        assertEquals(0, budget.available(999));
        assertEquals(1, budget.available(1021), "grants at 0, 10 and 20 aged out; 1000 and 1010 are in");
        assertEquals(3, budget.available(2011));
    }

    @Test
    void aSlotCountsFromItsRequestsAnswerSoThatALateRequestDelaysTheNextInItsSlot() {
        RateBudget budget = new RateBudget(2, 1000, TimeUnit.NANOSECONDS);
        RequestBudget.Grant first = budget.reserve(0, NO_DEADLINE);
        budget.reserve(10, NO_DEADLINE);

        // the first went late (a busy network): the server may have counted it as late as its answer, at 300
        first.answered(300);

        assertEquals(1010, budget.reserve(20, NO_DEADLINE).at(), "the slot of the second frees first now");
        assertEquals(1300, budget.reserve(30, NO_DEADLINE).at(), "a window after the first's answer, not its grant");
    }

    @Test
    void anAnswerBeforeTheSlotsNextGrantDoesNotMoveThatGrant() {
        RateBudget budget = new RateBudget(1, 1000, TimeUnit.NANOSECONDS);
        RequestBudget.Grant first = budget.reserve(0, NO_DEADLINE);
        assertEquals(1000, budget.reserve(5, NO_DEADLINE).at());

        first.answered(50);

        assertEquals(2000, budget.reserve(60, NO_DEADLINE).at());
    }

    @Test
    void aSlotAfterTheDeadlineIsRefusedAndNotTaken() {
        RateBudget budget = new RateBudget(1, 1000, TimeUnit.NANOSECONDS);
        budget.reserve(0, NO_DEADLINE);

        assertNull(budget.reserve(10, 500));
        assertEquals(1000, budget.reserve(20, NO_DEADLINE).at(), "the refused request held no slot");
    }

    @Test
    void aPauseHoldsEveryGrantUntilItEnds() {
        RateBudget budget = new RateBudget(10, 1000, TimeUnit.NANOSECONDS);
        budget.reserve(0, NO_DEADLINE);

        budget.pauseUntil(5000);

        assertEquals(0, budget.available(4999));
        assertEquals(5000, budget.reserve(2000, NO_DEADLINE).at());
        assertEquals(9, budget.available(5999), "one grant, made at 5000, in the window");
    }
}
