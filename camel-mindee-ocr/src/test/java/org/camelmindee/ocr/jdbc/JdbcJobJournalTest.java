package org.camelmindee.ocr.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.camelmindee.ocr.journal.Claim;
import org.camelmindee.ocr.journal.JobJournal;
import org.camelmindee.ocr.journal.JobJournalContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fleet's journal on a real PostgreSQL: the contract, and one claim among many instances racing for a document. */
class JdbcJobJournalTest extends JobJournalContract {

    private static JdbcJobJournal shared;

    @BeforeAll
    static void openJournal() {
        shared = new JdbcJobJournal(PostgresServer.dataSource());
    }

    @AfterAll
    static void closeJournal() {
        shared.close();
    }

    @Override
    protected JobJournal journal() {
        return shared;
    }

    @Test
    void ofFourInstancesClaimingOneDocumentAtOnceExactlyOneSendsIt() throws Exception {
        List<JdbcJobJournal> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(new JdbcJobJournal(PostgresServer.dataSource(), 4));
        }
        try {
            for (int round = 0; round < 10; round++) {
                String key = key("race-" + round);
                List<CompletableFuture<Claim>> claims = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    claims.add(instances.get(i % 4).claim(key, HOUR));
                }
                int granted = 0;
                for (CompletableFuture<Claim> claim : claims) {
                    granted += get(claim).granted() ? 1 : 0;
                }
                assertEquals(1, granted, "round " + round);
            }
        } finally {
            instances.forEach(JdbcJobJournal::close);
        }
    }
}
