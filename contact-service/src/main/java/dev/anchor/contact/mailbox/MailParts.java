package dev.anchor.contact.mailbox;

import dev.anchor.contact.domain.ReceivedMail;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One IMAP message as a {@link ReceivedMail}: the first plain and HTML text bodies, never an attachment's. */
final class MailParts {

    private static final Logger LOG = Logger.getLogger(MailParts.class);
    /** Where a server writes the address a message was delivered to, besides To and Cc. */
    private static final List<String> DELIVERY_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To");
    /** Nesting deeper than this is not a reply anyone wrote. */
    private static final int MAX_DEPTH = 8;

    private MailParts() {
    }

    static ReceivedMail read(Message message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
        }
        List<String> recipients = new ArrayList<>();
        Address[] to = message.getAllRecipients();
        for (Address address : to == null ? new Address[0] : to) {
            recipients.add(plain(address));
        }
        for (String name : DELIVERY_HEADERS) {
            for (String value : headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
                recipients.add(value.replaceAll("[<>\\s]", ""));
            }
        }
        Address[] from = message.getFrom();
        String messageId = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        OffsetDateTime sent = message.getSentDate() == null ? null
                : message.getSentDate().toInstant().atOffset(ZoneOffset.UTC);
        Bodies bodies = new Bodies();
        try {
            bodies.collect(message, 0);
        } catch (IOException | MessagingException e) {
            // an unreadable body: the message still counts, staff see it without text
            LOG.warnf("the body of %s could not be read: %s", messageId, e.getMessage());
        }
        return new ReceivedMail(messageId, from == null || from.length == 0 ? null : plain(from[0]), recipients,
                message.getSubject(), bodies.plain, bodies.html, message.getContentType(), headers, sent);
    }

    private static String plain(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    /** The first inline text/plain and text/html parts. */
    private static final class Bodies {
        String plain;
        String html;

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth + 1);
                }
            }
        }
    }
}
