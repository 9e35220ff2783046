package org.camelmindee.ocr.journal;

/**
 * The journal's answer to "may I enqueue this document?".
 *
 * @param granted   true when the caller now holds the document's claim and enqueues it
 * @param uncertain true when the document's previous sender died after its upload began and before Mindee's answer
 *                  was recorded: Mindee may hold a job for it, or not. The journal has dropped that claim and grants
 *                  nothing: the caller reports the document, and whoever sends it next (a redelivery) sends it anew
 * @param existing  what the journal knows instead, when the claim was not granted: a job to follow, a result, a
 *                  failure, another sender's live claim, or (uncertain) the dead sender's claim
 */
public record Claim(boolean granted, boolean uncertain, JournalEntry existing) {

    public static Claim grant() {
        return new Claim(true, false, null);
    }

    public static Claim uncertain(JournalEntry stale) {
        return new Claim(false, true, stale);
    }

    public static Claim known(JournalEntry entry) {
        return new Claim(false, false, entry);
    }
}
