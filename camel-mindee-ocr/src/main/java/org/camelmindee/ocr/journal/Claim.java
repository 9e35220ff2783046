package org.camelmindee.ocr.journal;

/**
 * The journal's answer to "may I enqueue this document?".
 *
 * @param granted   true when the caller now holds the document's {@code SENDING} claim and enqueues it
 * @param ambiguous true when the claim was taken over from a sender that stopped between sending the document and
 *                  recording its job: Mindee may hold a job for it already, and this enqueue may be a second one
 * @param existing  what the journal knows instead, when the claim was not granted: a job to follow, a result, a
 *                  failure, or another sender's live claim
 */
public record Claim(boolean granted, boolean ambiguous, JournalEntry existing) {

    public static Claim grant() {
        return new Claim(true, false, null);
    }

    public static Claim takeOver(JournalEntry stale) {
        return new Claim(true, true, stale);
    }

    public static Claim known(JournalEntry entry) {
        return new Claim(false, false, entry);
    }
}
