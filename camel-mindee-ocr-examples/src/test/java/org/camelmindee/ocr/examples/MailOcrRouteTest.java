package org.camelmindee.ocr.examples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MailOcrRoute} against GreenMail (a real SMTP and IMAP server in this JVM) and the local engine: a mail with
 * three documents and a signature logo, one with none, one with a document Mindee cannot read, one seen twice.
 */
class MailOcrRouteTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withPerMethodLifecycle(true);

    private static final String MAILBOX = "invoices@ocr.example";
    private static final String CUSTOMER = "alice@customer.example";

    private CamelContext context;
    private GreenMailUser mailbox;
    /** The alias Mindee echoed for each job, by the attachment's name. */
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aMailWithThreeDocumentsIsAnsweredWithTheTextOfEachButNotOfItsLogo() throws Exception {
        start();
        int jobsBefore = jobs();
        MimeMessage mail = mail("<three@customer.example>", "Invoices for November",
                attachment("scanned-letter.png", "image/png"), attachment("photo-receipt.jpg", "image/jpeg"),
                attachment("delivery-note.pdf", "application/octet-stream"));
        mailbox.deliver(mail);

        String reply = awaitReply("Re: Invoices for November");
        assertTrue(reply.contains("== scanned-letter.png, 1 page(s) =="), reply);
        assertTrue(reply.contains("Harbour Lane Books"), reply);
        assertTrue(reply.contains("== photo-receipt.jpg, 1 page(s) =="), reply);
        assertTrue(reply.contains("GREEN STREET MARKET"), reply);
        assertTrue(reply.contains("== delivery-note.pdf, 3 page(s) =="), reply);
        assertTrue(reply.contains("DN-5531"), reply);
        assertEquals(3, jobs() - jobsBefore, "three jobs: not the logo, not the HTML");
        assertEquals(Map.of("scanned-letter.png", "<three@customer.example> scanned-letter.png",
                "photo-receipt.jpg", "<three@customer.example> photo-receipt.jpg",
                "delivery-note.pdf", "<three@customer.example> delivery-note.pdf"), aliases);
    }

    @Test
    void aMailWithoutDocumentsCostsNothingAndGetsNoAnswer() throws Exception {
        start();
        int jobsBefore = jobs();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(MailOcrRoute.ROUTE_ID).whenCompleted(1).create();
        mailbox.deliver(mail("<none@customer.example>", "Lunch on Friday?"));

        assertTrue(done.matches(30, TimeUnit.SECONDS), "the mail is read");
        assertEquals(0, jobs() - jobsBefore);
        assertEquals(0, MAIL.getReceivedMessagesForDomain("customer.example").length, "no answer");
    }

    @Test
    void aDocumentMindeeCannotReadIsNamedInTheAnswerAndTheOthersAreRead() throws Exception {
        start();
        MimeBodyPart broken = new MimeBodyPart();
        broken.setDataHandler(new DataHandler(new ByteArrayDataSource(
                "%PDF-1.7\nthis is not a PDF past its first line\n".getBytes(StandardCharsets.US_ASCII),
                "application/pdf")));
        broken.setFileName("damaged.pdf");
        broken.setDisposition(Part.ATTACHMENT);
        mailbox.deliver(mail("<broken@customer.example>", "Scan from the copier", broken,
                attachment("photo-receipt.jpg", "image/jpeg")));

        String reply = awaitReply("Re: Scan from the copier");
        assertTrue(reply.contains("== damaged.pdf: not read: "), reply);
        assertTrue(reply.contains("== photo-receipt.jpg, 1 page(s) =="), reply);
        assertTrue(reply.contains("GREEN STREET MARKET"), reply);
        assertEquals(List.of("damaged.pdf"), failures);
    }

    @Test
    void aMailSeenTwiceIsReadAndAnsweredOnce() throws Exception {
        start();
        int jobsBefore = jobs();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(MailOcrRoute.ROUTE_ID).whenCompleted(2).create();
        MimeMessage mail = mail("<twice@customer.example>", "Receipt", attachment("photo-receipt.jpg", "image/jpeg"));
        mailbox.deliver(mail);
        mailbox.deliver(mail);                                         // the same Message-ID, delivered again

        assertTrue(done.matches(60, TimeUnit.SECONDS), "both copies are taken from the mailbox");
        assertEquals(1, jobs() - jobsBefore, "one job");
        assertEquals(1, MAIL.getReceivedMessagesForDomain("customer.example").length, "one answer");
    }

    private void start() throws Exception {
        mailbox = MAIL.setUser(MAILBOX, "invoices", "s3cret+&");
        context = new DefaultCamelContext();
        context.getRegistry().bind("mailsRead", MemoryIdempotentRepository.memoryIdempotentRepository(1000));
        Properties p = new Properties();
        p.setProperty("mail.imap", "imap://127.0.0.1:" + MAIL.getImap().getPort());
        p.setProperty("mail.smtp", "smtp://127.0.0.1:" + MAIL.getSmtp().getPort());
        p.setProperty("mail.username", "invoices");
        p.setProperty("mail.password", "s3cret+&");
        p.setProperty("mail.address", MAILBOX);
        p.setProperty("mail.poll-delay", "200");
        LocalMindeeForTests.configure(context, LocalMindeeForTests.get(), p);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                    && sent.getEndpoint().getEndpointUri().startsWith("mindee-ocr")) {
                    org.apache.camel.Message message = sent.getExchange().getMessage();
                    String name = message.getHeader(MailDocuments.NAME, String.class);
                    if (sent.getExchange().getException() != null) {
                        failures.add(name);
                    } else {
                        aliases.put(name, message.getHeader(MindeeOcrConstants.ALIAS, String.class));
                    }
                }
            }
        });
        context.addRoutes(new MailOcrRoute());
        context.start();
    }

    private static int jobs() {
        return LocalMindeeForTests.get().localServer().jobCount();
    }

    /** Waits for the answer to the customer, and returns its text. */
    private static String awaitReply(String subject) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        MimeMessage[] received = MAIL.getReceivedMessagesForDomain("customer.example");
        while (received.length == 0 && System.nanoTime() < until) {
            Thread.sleep(100);
            received = MAIL.getReceivedMessagesForDomain("customer.example");
        }
        assertEquals(1, received.length);
        MimeMessage reply = received[0];
        assertEquals(subject, reply.getSubject());
        assertEquals(MAILBOX, ((InternetAddress) reply.getFrom()[0]).getAddress());
        assertTrue(reply.getContentType().startsWith("text/plain"), reply.getContentType());
        return (String) reply.getContent();
    }

    /** A mail from the customer: an HTML text with the sender's logo inline, then the given attachments. */
    private static MimeMessage mail(String messageId, String subject, MimeBodyPart... attachments) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);               // what a real client set, kept on every copy
            }
        };
        mail.setFrom(new InternetAddress(CUSTOMER));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        mail.setSubject(subject);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(logoAndHtml());
        for (MimeBodyPart attachment : attachments) {
            mixed.addBodyPart(attachment);
        }
        mail.setContent(mixed);
        mail.saveChanges();
        return mail;
    }

    /** The text in HTML with the signature's logo (a PNG shown by cid:), as mail clients send it. */
    private static MimeBodyPart logoAndHtml() throws Exception {
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Please find the documents attached.</p>"
                        + "<p>Alice<br><img src=\"cid:logo@customer.example\"></p>",
                "text/html; charset=UTF-8");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(
                new ByteArrayDataSource(LocalMindeeForTests.sample("scanned-letter.png"), "image/png")));
        logo.setFileName("logo.png");
        logo.setDisposition(Part.INLINE);
        logo.setContentID("<logo@customer.example>");
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        related.addBodyPart(logo);
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(related);
        return part;
    }

    private static MimeBodyPart attachment(String sample, String contentType) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(LocalMindeeForTests.sample(sample), contentType)));
        part.setFileName(sample);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}
