package org.camelmindee.ocr.journal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryJobJournalTest extends JobJournalContract {

    @Override
    protected JobJournal journal() {
        return new InMemoryJobJournal();
    }

    @Test
    void keepsAtMostItsSizeForgettingTheOldestFirst() throws Exception {
        InMemoryJobJournal journal = new InMemoryJobJournal(3);
        for (String key : new String[] { "1", "2", "3", "4" }) {
            get(journal.claim(key, HOUR));
        }
        assertEquals(3, journal.size());
        assertTrue(get(journal.claim("1", HOUR)).granted(), "the oldest went first");
    }
}
