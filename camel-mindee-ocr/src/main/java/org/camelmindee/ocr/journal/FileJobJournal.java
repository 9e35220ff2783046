package org.camelmindee.ocr.journal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camelmindee.ocr.model.MindeeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of one instance, kept in a file so that it survives a restart or a crash: an append-only log of JSON
 * lines, one per change, compacted when it opens and when it has grown to several times what it holds.
 *
 * <p>Each change is written and flushed to the operating system before the call returns (a short write, done on the
 * caller's thread): a process killed at any moment, {@code SIGKILL} included, leaves every change it reported, and at
 * most a torn last line, which is skipped. A claim left by a previous process is stale at once: taken over when its
 * upload had not begun, reported as uncertain when it had. One process at a time: for replicas, share a
 * {@code JdbcJobJournal}.
 */
public final class FileJobJournal extends InMemoryJobJournal {

    private static final Logger LOG = LoggerFactory.getLogger(FileJobJournal.class);
    private static final ObjectMapper JSON = MindeeJson.mapper();
    private static final int COMPACT_SLACK = 1000;

    private final Path file;
    private BufferedWriter out;
    private long lines;
    private long live;

    public FileJobJournal(Path file) {
        this(file, DEFAULT_MAX_ENTRIES);
    }

    public FileJobJournal(Path file, int maxEntries) {
        super(maxEntries);
        this.file = file.toAbsolutePath();
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            replay();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the job journal " + this.file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long now = now();
        int torn = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Change change = JSON.readValue(line, Change.class);
                    if (change.put() != null) {
                        load(change.put());
                    } else if (change.remove() != null) {
                        unload(change.remove());
                    }
                } catch (JsonProcessingException e) {
                    torn++;   // a line cut short by a crash
                }
            }
        }
        for (JournalEntry entry : snapshot()) {
            if (!entry.isClaim() && entry.expiresAt() <= now) {
                unload(entry.key());
            }
        }
        if (torn > 0) {
            LOG.warn("Job journal {}: skipped {} torn line(s) left by a crash", file, torn);
        }
    }

    /** Rewrites the log with what it holds now, atomically, and reopens it for appending. */
    private void compact() throws IOException {
        if (out != null) {
            out.close();
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        long count = 0;
        try (BufferedWriter w = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            for (JournalEntry entry : snapshot()) {
                w.write(JSON.writeValueAsString(new Change(entry, null)));
                w.newLine();
                count++;
            }
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        lines = count;
        live = count;
    }

    @Override
    protected void stored(JournalEntry entry) {
        append(new Change(entry, null));
        live = size();
    }

    @Override
    protected void removed(String key) {
        append(new Change(null, key));
        live = size();
    }

    private void append(Change change) {
        try {
            out.write(JSON.writeValueAsString(change));
            out.newLine();
            out.flush();
            if (++lines > 4 * live + COMPACT_SLACK) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the job journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                LOG.warn("Closing the job journal {}: {}", file, e.getMessage());
            }
        }
    }

    /** One line of the log: an entry stored, or a key removed. */
    record Change(JournalEntry put, String remove) {
    }

    @Override
    public String toString() {
        return "FileJobJournal[" + file + "]";
    }
}
