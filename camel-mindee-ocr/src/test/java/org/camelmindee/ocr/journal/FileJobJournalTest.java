package org.camelmindee.ocr.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file journal does what every journal does, and survives its process: a second instance on the same file is the
 * process after a restart. (A process killed with SIGKILL is the crash test's, in the benchmarks module.)
 */
class FileJobJournalTest extends JobJournalContract {

    @TempDir
    Path folder;
    private FileJobJournal open;

    @Override
    protected JobJournal journal() {
        open = new FileJobJournal(folder.resolve("journal.jsonl"));
        return open;
    }

    @AfterEach
    void close() {
        if (open != null) {
            open.close();
        }
    }

    @Test
    void aRestartFollowsTheJobsTakesOverClaimsNotUploadedAndReportsTheUploadsInFlight() throws Exception {
        Path file = folder.resolve("restart.jsonl");
        FileJobJournal before = new FileJobJournal(file);
        get(before.claim("enqueued", HOUR));
        get(before.enqueued("enqueued", "job-7", "http://localhost/v2/jobs/job-7", HOUR));
        get(before.claim("waiting", HOUR));
        get(before.claim("uploading", HOUR));
        get(before.uploading("uploading", HOUR));
        // the process dies here: no close

        FileJobJournal after = new FileJobJournal(file);
        try {
            Claim followed = get(after.claim("enqueued", HOUR));
            assertFalse(followed.granted());
            assertEquals("job-7", followed.existing().jobId());
            Claim waiting = get(after.claim("waiting", HOUR));
            assertTrue(waiting.granted(), "its sender is gone and had sent nothing: no need to wait for the lease");
            assertFalse(waiting.uncertain());
            Claim uploading = get(after.claim("uploading", HOUR));
            assertFalse(uploading.granted(), "its sender is gone mid-upload: reported, not sent again");
            assertTrue(uploading.uncertain());
        } finally {
            after.close();
            before.close();
        }
    }

    @Test
    void aLineTornByACrashIsSkipped() throws Exception {
        Path file = folder.resolve("torn.jsonl");
        FileJobJournal before = new FileJobJournal(file);
        get(before.claim("k", HOUR));
        get(before.enqueued("k", "job-8", null, HOUR));
        before.close();
        Files.writeString(file, "{\"put\":{\"key\":\"other\",\"sta", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        FileJobJournal after = new FileJobJournal(file);
        try {
            assertEquals("job-8", get(after.find("k")).jobId());
            assertTrue(get(after.claim("other", HOUR)).granted());
        } finally {
            after.close();
        }
    }

    @Test
    void theLogIsCompactedWhenItOpens() throws Exception {
        Path file = folder.resolve("compact.jsonl");
        FileJobJournal before = new FileJobJournal(file);
        for (int i = 0; i < 50; i++) {
            get(before.claim("k", HOUR));
            get(before.forget("k"));
        }
        get(before.claim("kept", HOUR));
        get(before.enqueued("kept", "job-9", null, HOUR));
        before.close();
        assertTrue(Files.readAllLines(file).size() > 100);

        new FileJobJournal(file).close();
        assertEquals(1, Files.readAllLines(file).size(), "one line per document kept");
    }
}
