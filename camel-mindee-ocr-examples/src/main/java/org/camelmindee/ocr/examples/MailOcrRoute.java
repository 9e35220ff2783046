package org.camelmindee.ocr.examples;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultMessage;
import org.camelmindee.ocr.MindeeOcrConstants;
import org.camelmindee.ocr.api.MindeeOcrException;

import static org.apache.camel.builder.PredicateBuilder.not;

/**
 * Invoices arrive as mail attachments: the route reads a mailbox over IMAP, OCRs each PDF and image attachment
 * ({@link MailDocuments}: not the signature's logo, not the HTML), and answers the sender with the text of each. Each
 * job's alias names the mail and the attachment ({@code <Message-ID> invoice.pdf}), so a job on Mindee's side says
 * where it came from. An attachment Mindee cannot read gets a line saying why, and the others are still read. A mail
 * seen twice (delivered twice, or read again after a crash before it was marked seen) is read once: the repository
 * {@code mailsRead} remembers each {@code Message-ID}.
 * <p>
 * Properties: {@code mail.imap} (e.g. {@code imaps://imap.example.com}), {@code mail.smtp} (e.g.
 * {@code smtps://smtp.example.com}), {@code mail.username}, {@code mail.password}, {@code mail.address} (the
 * mailbox's address, the replies' sender), {@code mail.poll-delay} (ms, default a minute). A bean
 * {@code mailsRead} (an {@code IdempotentRepository}: {@code JdbcMessageIdRepository} from camel-sql keeps it across
 * restarts); the mindee-ocr options are the component's.
 */
public class MailOcrRoute extends RouteBuilder {

    public static final String ROUTE_ID = "mail-ocr";

    @Override
    public void configure() {
        from("{{mail.imap}}?username={{mail.username}}&password=RAW({{mail.password}})&unseen=true"
             + "&delay={{mail.poll-delay:60000}}")
                .routeId(ROUTE_ID)
                .idempotentConsumer(header("Message-ID")).idempotentRepository("mailsRead")
                .choice()
                    .when(not(method(MailDocuments.class, "any")))
                        .log("${header.Message-ID} (${header.Subject}): no PDF or image attached, nothing to read")
                        .stop()
                .end()
                .split(method(MailDocuments.class, "split"), AggregationStrategies.string("\n\n"))
                    .to("direct:read-mail-document")
                .end()
                .to("direct:reply-with-text");

        from("direct:read-mail-document")
                .routeId("read-mail-document")
                .setHeader(MindeeOcrConstants.FILENAME, header(MailDocuments.NAME))
                .setHeader(MindeeOcrConstants.ALIAS, simple("${header.Message-ID} ${header.mailDocumentName}"))
                .doTry()
                    .to("mindee-ocr:ocr?resultFormat=text")
                    .setBody(simple("== ${header.mailDocumentName}, ${header.CamelMindeeOcrPageCount} page(s) ==\n"
                                    + "${body}"))
                .doCatch(MindeeOcrException.class)
                    .log("${header.CamelMindeeOcrAlias}: not read: ${exception.message}")
                    .setBody(simple("== ${header.mailDocumentName}: not read: ${exception.message}"))
                .end();

        // a plain-text reply; the incoming mail's own headers (Content-Type, Received...) must not go out with it.
        // camel-mail takes To, From and Subject from headers only when told to (useHeader...=true)
        from("direct:reply-with-text")
                .routeId("reply-with-text")
                .process(MailOcrRoute::leaveTheMailBehind)
                .setBody(simple("The text of the documents attached to your mail \"${header.Subject}\":\n\n${body}\n"))
                .setHeader("To", header("From"))
                .setHeader("In-Reply-To", header("Message-ID"))
                .setHeader("Subject", simple("Re: ${header.Subject}"))
                .removeHeaders("*", "To", "In-Reply-To", "Subject")
                .setHeader("From", simple("{{mail.address}}"))
                .setHeader("Content-Type", constant("text/plain; charset=UTF-8"))
                .to("{{mail.smtp}}?username={{mail.username}}&password=RAW({{mail.password}})"
                    + "&useHeaderRecipients=true&useHeaderFrom=true&useHeaderSubject=true");
    }

    /**
     * A plain message with the same headers and body: the exchange's message is still camel-mail's, which hands the
     * incoming mail's attachments to the mail producer, and the reply would carry them back to the sender.
     */
    static void leaveTheMailBehind(Exchange exchange) {
        Message reply = new DefaultMessage(exchange);
        reply.setHeaders(exchange.getMessage().getHeaders());
        reply.setBody(exchange.getMessage().getBody());
        exchange.setMessage(reply);
    }
}
