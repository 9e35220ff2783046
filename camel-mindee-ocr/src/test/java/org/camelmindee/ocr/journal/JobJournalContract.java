package org.camelmindee.ocr.journal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camelmindee.ocr.model.ErrorResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every job journal does, whatever keeps it: each store's test runs these on a fresh journal. */
public abstract class JobJournalContract {

    protected static final long HOUR = TimeUnit.HOURS.toMillis(1);

    /** A journal with nothing in it (a new key space per test is enough). */
    protected abstract JobJournal journal();

    protected String key(String name) {
        return getClass().getSimpleName() + "/" + name + "/" + System.nanoTime();
    }

    protected static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstClaimIsGrantedAndASecondSeesItInFlight() throws Exception {
        JobJournal journal = journal();
        String key = key("a");
        Claim first = get(journal.claim(key, HOUR));
        Claim second = get(journal.claim(key, HOUR));

        assertTrue(first.granted());
        assertFalse(first.uncertain());
        assertFalse(second.granted());
        assertEquals(JournalEntry.State.SENDING, second.existing().state());
    }

    @Test
    void anEnqueuedDocumentIsFollowedNotSentAgain() throws Exception {
        JobJournal journal = journal();
        String key = key("b");
        get(journal.claim(key, HOUR));
        get(journal.enqueued(key, "job-1", "http://localhost/v2/jobs/job-1", HOUR));

        Claim again = get(journal.claim(key, HOUR));
        assertFalse(again.granted());
        assertEquals(JournalEntry.State.ENQUEUED, again.existing().state());
        assertEquals("job-1", again.existing().jobId());
        assertEquals("http://localhost/v2/jobs/job-1", again.existing().pollingUrl());
    }

    @Test
    void aKeptResultIsServedAgain() throws Exception {
        JobJournal journal = journal();
        String key = key("c");
        get(journal.claim(key, HOUR));
        get(journal.processed(key, "job-2", null, "{\"inference\":{}}", HOUR));

        JournalEntry entry = get(journal.claim(key, HOUR)).existing();
        assertEquals(JournalEntry.State.PROCESSED, entry.state());
        assertEquals("{\"inference\":{}}", entry.resultJson());
    }

    @Test
    void aFailureForGoodIsRememberedWithItsProblem() throws Exception {
        JobJournal journal = journal();
        String key = key("d");
        get(journal.claim(key, HOUR));
        ErrorResponse problem = new ErrorResponse(422, "Unprocessable", "The PDF is encrypted", "422-004",
                List.of());
        get(journal.failed(key, null, problem, "Mindee refused the enqueue: 422", HOUR));

        JournalEntry entry = get(journal.claim(key, HOUR)).existing();
        assertEquals(JournalEntry.State.FAILED, entry.state());
        assertEquals(problem, entry.failure());
        assertEquals("Mindee refused the enqueue: 422", entry.message());
    }

    @Test
    void aForgottenOrExpiredDocumentMayBeSentAgain() throws Exception {
        JobJournal journal = journal();
        String forgotten = key("e");
        get(journal.claim(forgotten, HOUR));
        get(journal.forget(forgotten));
        assertTrue(get(journal.claim(forgotten, HOUR)).granted());

        String expired = key("f");
        get(journal.claim(expired, HOUR));
        get(journal.failed(expired, null, new ErrorResponse(422, null, null, null), "x", 0));
        Claim claim = get(journal.claim(expired, HOUR));
        assertTrue(claim.granted());
        assertFalse(claim.uncertain(), "a retention of 0 keeps nothing");
        assertNull(get(journal.find(key("never"))));
    }

    @Test
    void aClaimWhoseSenderDiedBeforeItsUploadIsTakenOverCleanly() throws Exception {
        JobJournal journal = journal();
        String key = key("g");
        assertTrue(get(journal.claim(key, 1)).granted());
        Thread.sleep(20);

        Claim takeover = get(journal.claim(key, HOUR));
        assertTrue(takeover.granted(), "no upload began: no job can exist");
        assertFalse(takeover.uncertain());
    }

    @Test
    void aClaimWhoseSenderDiedMidUploadIsReportedOnceAndNotGranted() throws Exception {
        JobJournal journal = journal();
        String key = key("h");
        assertTrue(get(journal.claim(key, HOUR)).granted());
        get(journal.uploading(key, 1));
        Thread.sleep(20);

        Claim after = get(journal.claim(key, HOUR));
        assertFalse(after.granted(), "Mindee may hold a job: the journal does not send it again");
        assertTrue(after.uncertain());
        assertEquals(JournalEntry.State.UPLOADING, after.existing().state());
        assertTrue(get(journal.claim(key, HOUR)).granted(), "reported once: the next delivery sends it");
    }

    @Test
    void aLiveUploadIsSeenByASecondClaimAsInFlight() throws Exception {
        JobJournal journal = journal();
        String key = key("i");
        get(journal.claim(key, HOUR));
        get(journal.uploading(key, HOUR));

        Claim second = get(journal.claim(key, HOUR));
        assertFalse(second.granted());
        assertFalse(second.uncertain());
        assertEquals(JournalEntry.State.UPLOADING, second.existing().state());
    }
}
