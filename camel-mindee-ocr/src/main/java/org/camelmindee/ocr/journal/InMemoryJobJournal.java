package org.camelmindee.ocr.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.camelmindee.ocr.model.ErrorResponse;

/**
 * The journal of one JVM, in memory: the default. It keeps at most {@code maxEntries} documents (the oldest go first)
 * and forgets everything when the JVM stops; {@link FileJobJournal} keeps it across restarts, a
 * {@code JdbcJobJournal} across a fleet.
 */
public class InMemoryJobJournal implements JobJournal {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    /** Who holds this journal's claims; a claim of another owner that outlived its lease is stale. */
    protected final String owner = UUID.randomUUID().toString();
    private final Map<String, JournalEntry> entries;

    public InMemoryJobJournal() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public InMemoryJobJournal(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A job journal needs room for at least one entry, not " + maxEntries);
        }
        this.entries = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JournalEntry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public CompletableFuture<Claim> claim(String key, long leaseMillis) {
        synchronized (entries) {
            long now = now();
            JournalEntry entry = live(key, now);
            if (entry != null && !isStale(entry, now)) {
                return CompletableFuture.completedFuture(Claim.known(entry));
            }
            if (entry != null && entry.state() == JournalEntry.State.UPLOADING) {
                // its sender died mid-upload: Mindee may have a job. Reported once; the next delivery sends anew
                entries.remove(key);
                removed(key);
                return CompletableFuture.completedFuture(Claim.uncertain(entry));
            }
            // nothing known, or a sender that died before its upload began: no job can exist
            put(JournalEntry.sending(key, owner, now + leaseMillis));
            return CompletableFuture.completedFuture(Claim.grant());
        }
    }

    @Override
    public CompletableFuture<Void> uploading(String key, long leaseMillis) {
        return write(JournalEntry.uploading(key, owner, now() + leaseMillis));
    }

    @Override
    public CompletableFuture<Void> enqueued(String key, String jobId, String pollingUrl, long retentionMillis) {
        return write(JournalEntry.enqueued(key, jobId, pollingUrl, now() + retentionMillis));
    }

    @Override
    public CompletableFuture<Void> processed(String key, String jobId, String pollingUrl, String resultJson,
                                             long retentionMillis) {
        return write(JournalEntry.processed(key, jobId, pollingUrl, resultJson, now() + retentionMillis));
    }

    @Override
    public CompletableFuture<Void> failed(String key, String jobId, ErrorResponse problem, String message,
                                          long retentionMillis) {
        return write(JournalEntry.failed(key, jobId, problem, message, now() + retentionMillis));
    }

    @Override
    public CompletableFuture<Void> forget(String key) {
        synchronized (entries) {
            if (entries.remove(key) != null) {
                removed(key);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<JournalEntry> find(String key) {
        synchronized (entries) {
            return CompletableFuture.completedFuture(live(key, now()));
        }
    }

    /** How many entries are kept, expired ones included until they are next looked at. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private CompletableFuture<Void> write(JournalEntry entry) {
        synchronized (entries) {
            if (entry.expiresAt() <= now()) {
                // a retention of zero: nothing to remember, and an older entry must not outlive this outcome
                if (entries.remove(entry.key()) != null) {
                    removed(entry.key());
                }
            } else {
                put(entry);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private JournalEntry live(String key, long now) {
        JournalEntry entry = entries.get(key);
        if (entry != null && entry.expiresAt() <= now && !entry.isClaim()) {
            entries.remove(key);
            removed(key);
            return null;
        }
        return entry;
    }

    /** A claim whose owner is gone: its lease ran out, or (see {@link FileJobJournal}) its process is not this one. */
    protected boolean isStale(JournalEntry entry, long now) {
        return entry.isClaim() && (entry.expiresAt() <= now || !owner.equals(entry.owner()));
    }

    /** Stores an entry, replacing the key's previous one; under the journal's lock. */
    protected void put(JournalEntry entry) {
        entries.remove(entry.key());   // re-inserted last: the eldest is the least recently written
        entries.put(entry.key(), entry);
        stored(entry);
    }

    /** Called under the lock after an entry was stored; a durable journal writes it down. */
    protected void stored(JournalEntry entry) {
    }

    /** Called under the lock after an entry was removed. */
    protected void removed(String key) {
    }

    /** Loads an entry without writing it down again (a durable journal's replay); under the lock. */
    protected void load(JournalEntry entry) {
        synchronized (entries) {
            entries.remove(entry.key());
            entries.put(entry.key(), entry);
        }
    }

    protected void unload(String key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    protected Iterable<JournalEntry> snapshot() {
        synchronized (entries) {
            return java.util.List.copyOf(entries.values());
        }
    }

    protected long now() {
        return System.currentTimeMillis();
    }
}
