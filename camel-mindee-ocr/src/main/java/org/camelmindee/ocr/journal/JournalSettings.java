package org.camelmindee.ocr.journal;

/**
 * How long the journal remembers each outcome, in milliseconds.
 *
 * @param leaseMillis           how long a claim holds when its sender never says how the enqueue ended (it died)
 * @param jobRetentionMillis    how long a document's job is followed instead of enqueuing the document again
 * @param resultRetentionMillis how long a fetched result is served again; 0 keeps no result
 * @param failureRetentionMillis how long a document that failed for good fails again at once
 * @param busyRetryNanos        how soon to look again at a document another sender holds
 */
public record JournalSettings(long leaseMillis, long jobRetentionMillis, long resultRetentionMillis,
                              long failureRetentionMillis, long busyRetryNanos) {
}
