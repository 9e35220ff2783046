package org.camelmindee.ocr.local.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.camelmindee.ocr.local.problem.ProblemException;

/** Downloads of {@code url} inputs: one deadline for the whole download. */
class UrlDownloaderTest {

    @Test
    void aUrlWhoseBodyTricklesIsCutOffAtTheDeadline() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/doc.pdf", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write('%');
                    out.flush();
                    Thread.sleep(200); // one byte every 200 ms: 200 s for the whole body
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the downloader hung up
            }
        });
        slow.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        slow.start();
        try {
            UrlDownloader downloader = new UrlDownloader(1_000_000, Duration.ofSeconds(2));
            ProblemException refused = assertThrows(ProblemException.class, () -> downloader.download(URI.create(
                    "http://127.0.0.1:" + slow.getAddress().getPort() + "/doc.pdf")));
            assertEquals("422-003", refused.problem().code());
            assertTrue(refused.problem().detail().contains("did not finish within 2 seconds"),
                    refused.problem().detail());
        } finally {
            slow.stop(0);
        }
    }
}
