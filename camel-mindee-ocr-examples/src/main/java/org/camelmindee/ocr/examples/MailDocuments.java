package org.camelmindee.ocr.examples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.FileUtil;

/**
 * The documents of a mail worth reading: its PDF and image attachments, found by walking the mail's MIME parts. Not
 * the parts of the mail's own HTML (an inline part with a {@code Content-ID}, such as the logo in a signature, which
 * the HTML shows through {@code cid:}), not the text or HTML body (no file name), not other files (a spreadsheet, an
 * invitation). A part is a document when its content type or, for senders that say
 * {@code application/octet-stream}, its file name says PDF or image.
 */
public final class MailDocuments {

    /** Header on each document's message: the attachment's file name. */
    public static final String NAME = "mailDocumentName";

    private static final Pattern DOCUMENT_NAME = Pattern.compile("(?i).+\\.(pdf|png|jpe?g|tiff?|webp|heic|heif)");

    private MailDocuments() {
    }

    /** Whether the mail has a document to read. */
    public static boolean any(Exchange exchange) throws Exception {
        return !documents(mail(exchange), new ArrayList<>()).isEmpty();
    }

    /**
     * One message per document: the mail's headers ({@code Message-ID}, {@code From}, {@code Subject}...), the
     * attachment's name in {@link #NAME}, its content as a stream (decoded as it is read).
     */
    public static List<Message> split(Exchange exchange) throws Exception {
        List<Message> messages = new ArrayList<>();
        for (Part part : documents(mail(exchange), new ArrayList<>())) {
            Message document = new DefaultMessage(exchange.getContext());
            document.setHeaders(exchange.getIn().getHeaders());
            document.setHeader(NAME, name(part));
            document.setBody(part.getInputStream());
            messages.add(document);
        }
        return messages;
    }

    private static jakarta.mail.Message mail(Exchange exchange) throws InvalidPayloadException {
        if (exchange.getIn() instanceof MailMessage mail && mail.getOriginalMessage() != null) {
            return mail.getOriginalMessage();
        }
        throw new InvalidPayloadException(exchange, jakarta.mail.Message.class);
    }

    private static List<Part> documents(Part part, List<Part> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                documents(multipart.getBodyPart(i), found);
            }
        } else if (isDocument(part)) {
            found.add(part);
        }
        return found;
    }

    static boolean isDocument(Part part) throws MessagingException, IOException {
        String name = name(part);
        if (name == null) {
            return false;                       // the text or the HTML of the mail
        }
        if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part instanceof MimePart mime
            && mime.getContentID() != null) {
            return false;                       // shown by the mail's HTML: a logo, a picture in the text
        }
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/pdf") || type.startsWith("image/") || DOCUMENT_NAME.matcher(name).matches();
    }

    private static String name(Part part) throws MessagingException, IOException {
        String name = part.getFileName();
        return name == null || name.isBlank() ? null : FileUtil.stripPath(MimeUtility.decodeText(name).strip());
    }
}
