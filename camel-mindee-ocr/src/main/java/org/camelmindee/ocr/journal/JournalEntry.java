package org.camelmindee.ocr.journal;

import org.camelmindee.ocr.model.ErrorResponse;

/**
 * What the journal knows of one document: that it is being sent, the job it became, its result, or the problem it
 * failed with for good.
 *
 * @param key        the document's key: its alias, or the SHA-256 of its bytes, scoped by model
 * @param state      where the document is
 * @param owner      the journal instance that holds a claim ({@link State#SENDING}, {@link State#UPLOADING})
 * @param jobId      the job's id, once Mindee answered 202
 * @param pollingUrl the job's polling URL, once Mindee answered 202
 * @param resultJson the result as Mindee sent it, when results are kept ({@code journalResultRetention})
 * @param failure    the problem the document failed with for good
 * @param message    the failure's message as the first exchange saw it
 * @param expiresAt  epoch milliseconds (of the store's clock) after which the entry is forgotten
 */
public record JournalEntry(String key, State state, String owner, String jobId, String pollingUrl, String resultJson,
                           ErrorResponse failure, String message, long expiresAt) {

    /** The life of a document in the journal. */
    public enum State {
        /**
         * Claimed for an enqueue that has not sent the document yet (it waits for the rate budget or a connection):
         * no job can exist. Left behind by a process that died, it is taken over and the document sent.
         */
        SENDING,
        /**
         * The document's upload has begun and Mindee's answer is not recorded yet: from here Mindee may make a job of
         * it. Left behind by a process that died, it is uncertain: reported, and not sent again by the journal.
         */
        UPLOADING,
        /** Mindee accepted the document: follow this job rather than enqueue again. */
        ENQUEUED,
        /** The job's result was fetched; kept in {@code resultJson} when results are retained. */
        PROCESSED,
        /** Mindee refused the document or failed its job for a reason that will not change by sending it again. */
        FAILED
    }

    public static JournalEntry sending(String key, String owner, long expiresAt) {
        return new JournalEntry(key, State.SENDING, owner, null, null, null, null, null, expiresAt);
    }

    public static JournalEntry uploading(String key, String owner, long expiresAt) {
        return new JournalEntry(key, State.UPLOADING, owner, null, null, null, null, null, expiresAt);
    }

    /** A sender's claim, as opposed to an outcome: it is stale when its owner is gone, not when it expires. */
    public boolean isClaim() {
        return state == State.SENDING || state == State.UPLOADING;
    }

    public static JournalEntry enqueued(String key, String jobId, String pollingUrl, long expiresAt) {
        return new JournalEntry(key, State.ENQUEUED, null, jobId, pollingUrl, null, null, null, expiresAt);
    }

    public static JournalEntry processed(String key, String jobId, String pollingUrl, String resultJson,
                                         long expiresAt) {
        return new JournalEntry(key, State.PROCESSED, null, jobId, pollingUrl, resultJson, null, null, expiresAt);
    }

    public static JournalEntry failed(String key, String jobId, ErrorResponse failure, String message,
                                      long expiresAt) {
        return new JournalEntry(key, State.FAILED, null, jobId, null, null, failure, message, expiresAt);
    }
}
