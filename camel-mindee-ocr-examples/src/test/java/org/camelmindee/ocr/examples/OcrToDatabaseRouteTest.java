package org.camelmindee.ocr.examples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OcrToDatabaseRoute} and its YAML twin against a real PostgreSQL (zonky's embedded binaries, in a child
 * process): a row per document, the full-text query, one row when a result is stored twice.
 */
class OcrToDatabaseRouteTest {

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @TempDir
    Path dir;
    private CamelContext context;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = postgres.getPostgresDatabase();
        try (InputStream in = OcrToDatabaseRouteTest.class.getResourceAsStream("/sql/ocr-document.sql");
             Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyTable() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE ocr_document");
        }
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void eachDocumentIsOneRowAndOneQueryFindsTheOneThatMentionsAWord() throws Exception {
        start(false);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(OcrToDatabaseRoute.ROUTE_ID).whenCompleted(2)
                .create();
        drop("delivery-note.pdf", "scanned-letter.png");

        assertTrue(done.matches(90, TimeUnit.SECONDS), "both documents stored");
        assertEquals(2, count());
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT job_id, alias, filename, page_count, text FROM ocr_document WHERE alias = 'delivery-note.pdf'");
             ResultSet row = q.executeQuery()) {
            assertTrue(row.next());
            assertTrue(row.getString("job_id").matches("[0-9a-f-]{36}"), row.getString("job_id"));
            assertEquals("delivery-note.pdf", row.getString("filename"));
            assertEquals(3, row.getInt("page_count"));
            assertTrue(row.getString("text").contains("DN-5531"), row.getString("text"));
        }
        // the full-text index: English stemming finds 'trowels' from 'trowel'; each word finds its own document
        assertEquals(List.of("delivery-note.pdf"), aliasesMentioning("trowel"));
        assertEquals(List.of("scanned-letter.png"), aliasesMentioning("atlas estuary"));
        assertEquals(List.of(), aliasesMentioning("submarine"));
    }

    @Test
    void aResultStoredTwiceStaysOneRow() throws Exception {
        start(false);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(OcrToDatabaseRoute.ROUTE_ID).whenCompleted(1)
                .create();
        drop("scanned-letter.png");
        assertTrue(done.matches(60, TimeUnit.SECONDS), "the document stored");
        String jobId = queryOne("SELECT job_id FROM ocr_document");

        // the same job's result again, as a recovery after a timeout would fetch it: getJob, then getResult
        ProducerTemplate template = context.createProducerTemplate();
        Exchange job = template.request("mindee-ocr:getJob",
                e -> e.getMessage().setHeader(MindeeOcrConstants.JOB_ID, jobId));
        Exchange result = template.request("mindee-ocr:getResult",
                e -> e.getMessage().setHeaders(job.getMessage().getHeaders()));
        assertEquals(jobId, result.getMessage().getHeader(MindeeOcrConstants.JOB_ID));
        Exchange stored = template.request(OcrToDatabaseRoute.STORE, e -> e.setMessage(result.getMessage().copy()));

        assertEquals(null, stored.getException());
        assertEquals(0, stored.getMessage().getHeader("CamelSqlUpdateCount", Integer.class), "the insert did nothing");
        assertEquals(1, count());
    }

    @Test
    void theYamlRouteStoresTheSame() throws Exception {
        start(true);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("ocr-to-database-yaml").whenCompleted(1).create();
        drop("photo-receipt.jpg");

        assertTrue(done.matches(60, TimeUnit.SECONDS), "the document stored");
        assertEquals("photo-receipt.jpg", queryOne("SELECT alias FROM ocr_document"));
        assertEquals("1", queryOne("SELECT page_count FROM ocr_document"));
        assertEquals(List.of("photo-receipt.jpg"), aliasesMentioning("cheddar"));
    }

    private void start(boolean yaml) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("ocrDatabase", database);
        Properties p = new Properties();
        p.setProperty("ocr.inbox", dir.resolve("inbox").toString());
        p.setProperty("ocr.documents", "*.pdf,*.png,*.jpg");
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), p);
        if (yaml) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/ocr-to-database.camel.yaml"));
        } else {
            context.addRoutes(new OcrToDatabaseRoute());
        }
        context.start();
    }

    private void drop(String... samples) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (String name : samples) {
            Files.write(inbox.resolve(name), LocalMindeeForTests.sample(name));
        }
    }

    private static int count() throws Exception {
        return Integer.parseInt(queryOne("SELECT count(*) FROM ocr_document"));
    }

    private static String queryOne(String sql) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            assertTrue(row.next(), "no row for " + sql);
            return row.getString(1);
        }
    }

    /** The query the docs show: "which document mentions ...?". */
    private static List<String> aliasesMentioning(String words) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT alias FROM ocr_document WHERE text_search @@ websearch_to_tsquery('english', ?)"
                + " ORDER BY alias")) {
            q.setString(1, words);
            List<String> aliases = new ArrayList<>();
            try (ResultSet row = q.executeQuery()) {
                while (row.next()) {
                    aliases.add(row.getString(1));
                }
            }
            return aliases;
        }
    }
}
