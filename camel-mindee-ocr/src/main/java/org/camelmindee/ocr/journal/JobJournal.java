package org.camelmindee.ocr.journal;

import java.util.concurrent.CompletableFuture;

import org.camelmindee.ocr.model.ErrorResponse;

/**
 * Remembers what became of each document, so that a document is a paid job once: the same document again (a
 * redelivery, a restart, a replica that picks up a crashed one's file, the same attachment in a second mail) follows
 * its known job, is answered from a kept result, or fails at once with its known problem.
 *
 * <p>Every method returns at once; a store that blocks (a file, a database) does its work on a thread of its own.
 * Times are the store's: a journal shared by several JVMs reads one clock.
 */
public interface JobJournal extends AutoCloseable {

    /**
     * Claims a document for an enqueue, or says what is known of it. Atomic: of two callers with the same key, one is
     * granted the claim and the other sees it (state {@code SENDING} or {@code UPLOADING}, owned by another). A stale
     * claim (its owner died) is taken over when its upload had not begun, and dropped and answered
     * {@link Claim#uncertain()} when it had.
     *
     * @param key           the document's key
     * @param leaseMillis   how long the claim holds if its owner never records an outcome (it died)
     */
    CompletableFuture<Claim> claim(String key, long leaseMillis);

    /**
     * Records that the claimed document's upload begins: the body goes out once this has completed. A claim left in
     * this state by a sender that died is uncertain ({@link Claim#uncertain()}); one left before it is not.
     *
     * @param leaseMillis how long the claim holds from now if its owner never records an outcome (it died)
     */
    CompletableFuture<Void> uploading(String key, long leaseMillis);

    /** Records the job Mindee made for the document; it is followed for {@code retentionMillis}. */
    CompletableFuture<Void> enqueued(String key, String jobId, String pollingUrl, long retentionMillis);

    /**
     * Records that the job's result was fetched; with a {@code resultJson} (results are kept) the result is served
     * again for {@code retentionMillis}, without one the job is followed again for that long.
     */
    CompletableFuture<Void> processed(String key, String jobId, String pollingUrl, String resultJson,
                                      long retentionMillis);

    /**
     * Records a failure for good (Mindee refused the document, or its job failed, with a 4xx problem): the document
     * fails again at once, without a job, for {@code retentionMillis}.
     */
    CompletableFuture<Void> failed(String key, String jobId, ErrorResponse problem, String message,
                                   long retentionMillis);

    /** Forgets the document: no job exists for it (the enqueue was refused before sending), or its job is gone. */
    CompletableFuture<Void> forget(String key);

    /** The entry for a key, if any and not expired; for tests and operators. */
    CompletableFuture<JournalEntry> find(String key);

    @Override
    default void close() {
    }
}
