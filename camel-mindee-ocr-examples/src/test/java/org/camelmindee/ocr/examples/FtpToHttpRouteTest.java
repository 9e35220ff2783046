package org.camelmindee.ocr.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.camelmindee.ocr.model.MindeeJson;
import org.camelmindee.ocr.model.OcrResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FtpToHttpRoute} between an embedded FTP server (Apache MINA FtpServer) and a small HTTP receiver. */
class FtpToHttpRouteTest extends CamelTestSupport {

    @TempDir
    static Path ftpHome;

    private FtpServer ftp;
    private HttpServer downstream;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    record Received(String method, String contentType, String documentName, byte[] body) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        int ftpPort = AvailablePortFinder.getNextAvailable();
        ftp = ftpServer(ftpPort);
        ftp.start();
        downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        downstream.createContext("/api/documents", exchange -> {
            String name = exchange.getRequestHeaders().getFirst("X-Document-Name");
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    name, exchange.getRequestBody().readAllBytes()));
            // the downstream system refuses the documents whose name says so
            exchange.sendResponseHeaders(name != null && name.startsWith("refused-") ? 500 : 201, -1);
            exchange.close();
        });
        downstream.start();

        Properties p = new Properties();
        p.setProperty("ftp.url", "ftp://scanner@127.0.0.1:" + ftpPort + "/scans");
        p.setProperty("ftp.password", "s3cret+&");
        p.setProperty("downstream.url", "http://127.0.0.1:" + downstream.getAddress().getPort() + "/api/documents");
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), p);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new FtpToHttpRoute();
    }

    @AfterEach
    void stopServers() {
        if (ftp != null) {
            ftp.stop();
        }
        if (downstream != null) {
            downstream.stop(0);
        }
    }

    @Test
    void aScanOnTheFtpServerReachesTheDownstreamSystemAsJson() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("ftp-to-http").whenDone(1).create();
        Path scans = Files.createDirectories(ftpHome.resolve("scans"));
        Files.write(scans.resolve("photo-receipt.jpg"), LocalMindeeForTests.sample("photo-receipt.jpg"));

        Received post = received.poll(60, TimeUnit.SECONDS);

        assertNotNull(post, "the downstream system received nothing");
        assertEquals("POST", post.method());
        assertTrue(post.contentType().startsWith("application/json"), post.contentType());
        assertEquals("photo-receipt.jpg", post.documentName());
        OcrResponse result = MindeeJson.mapper().readValue(post.body(), OcrResponse.class);
        assertEquals("photo-receipt.jpg", result.inference().file().name());
        assertTrue(result.text().contains("GREEN STREET MARKET"), new String(post.body(), StandardCharsets.UTF_8));
        // the consumer deletes the scan when the exchange completes, before Camel counts it done
        assertTrue(done.matches(10, TimeUnit.SECONDS), "the exchange completes");
        assertFalse(Files.exists(scans.resolve("photo-receipt.jpg")), "the scan leaves the FTP server once delivered");
        assertTrue(received.isEmpty(), "one POST per document");
    }

    @Test
    void aScanWhoseDeliveryFailsMovesToFailedAndIsNotSentAgain() throws Exception {
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute("ftp-to-http").whenFailed(1).create();
        Path scans = Files.createDirectories(ftpHome.resolve("scans"));
        Files.write(scans.resolve("refused-receipt.jpg"), LocalMindeeForTests.sample("photo-receipt.jpg"));

        assertTrue(failed.matches(60, TimeUnit.SECONDS), "the delivery fails");
        Path moved = scans.resolve(".failed").resolve("refused-receipt.jpg");
        for (int i = 0; i < 100 && !Files.exists(moved); i++) {
            Thread.sleep(100);      // the consumer moves the file as the exchange completes
        }
        assertTrue(Files.exists(moved), "the scan is moved to .failed on the FTP server");
        assertFalse(Files.exists(scans.resolve("refused-receipt.jpg")), "and is not left to be polled again");
        // a second poll of the folder finds nothing to send: still one POST, one OCR job
        NotifyBuilder nextPolls = new NotifyBuilder(context).fromRoute("ftp-to-http").whenReceived(1).create();
        assertFalse(nextPolls.matches(3, TimeUnit.SECONDS), "nothing more is taken from the server");
        assertEquals(1, received.size(), "one POST for the refused document");
    }

    private static FtpServer ftpServer(int port) throws Exception {
        FtpServerFactory server = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        server.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName("scanner");
        user.setPassword("s3cret+&");
        user.setHomeDirectory(ftpHome.toString());
        user.setAuthorities(List.<Authority> of(new WritePermission()));
        users.save(user);
        server.setUserManager(users);
        return server.createServer();
    }
}
