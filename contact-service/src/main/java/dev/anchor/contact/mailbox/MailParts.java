package dev.anchor.contact.mailbox;

import dev.anchor.contact.domain.MailAttachment;
import dev.anchor.contact.domain.ReceivedMail;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One IMAP message as a {@link ReceivedMail}: the first plain and HTML text bodies, and the files that came with it
 * (parts marked as attachments, and inline parts with a file name or a Content-ID that are not its text), each read
 * up to a limit so that no file is held in memory beyond it.
 */
final class MailParts {

    private static final Logger LOG = Logger.getLogger(MailParts.class);
    /** Where a server writes the address a message was delivered to, besides To and Cc. */
    private static final List<String> DELIVERY_HEADERS = List.of("Delivered-To", "X-Original-To", "Envelope-To");
    /** Nesting deeper than this is not a reply anyone wrote. */
    private static final int MAX_DEPTH = 8;
    /** Files past the cap are listed (without bytes) up to this many, so a message of a thousand parts stays a row. */
    private static final int MAX_LISTED = 50;

    private MailParts() {
    }

    /** The limits of what one message's files may hold in memory. */
    record Limits(long maxFileSize, int maxFiles) {
    }

    static ReceivedMail read(Message message, Limits limits) throws MessagingException {
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
        Parts parts = new Parts(message, limits);
        try {
            parts.collect(message, 0);
        } catch (IOException | MessagingException e) {
            connected(message);
            // an unreadable body: the message still counts, staff see it without text
            LOG.warnf("the body of %s could not be read: %s", messageId, e.getMessage());
        }
        return new ReceivedMail(messageId, from == null || from.length == 0 ? null : plain(from[0]), recipients,
                message.getSubject(), parts.plain, parts.html, message.getContentType(), headers, sent, parts.files);
    }

    private static String plain(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    /** A connection lost while reading fails the reading (read again next time), unlike a part that is broken. */
    private static void connected(Part part) throws MessagingException {
        if (part instanceof Message message && message.getFolder() != null && !message.getFolder().isOpen()) {
            throw new MessagingException("the mailbox closed while a message was read");
        }
    }

    /** The first inline text/plain and text/html parts, and the files. */
    private static final class Parts {
        private final Message message;
        private final Limits limits;
        private final List<MailAttachment> files = new ArrayList<>();
        private int read;
        String plain;
        String html;

        Parts(Message message, Limits limits) {
            this.message = message;
            this.limits = limits;
        }

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH) {
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth + 1);
                }
            } else if (isFile(part)) {
                file(part);
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        /** Marked as an attachment, or named, or an inline image referred to by its Content-ID: not the text. */
        private static boolean isFile(Part part) throws MessagingException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                return true;
            }
            // IMAP parts tell their Content-ID from the body structure
            String contentId = part instanceof MimePart mime ? mime.getContentID() : null;
            return contentId != null && !contentId.isBlank() && !part.isMimeType("text/*");
        }

        private void file(Part part) throws MessagingException {
            if (files.size() >= MAX_LISTED) {
                return;
            }
            String name = name(part);
            String declared = declaredType(part);
            if (read >= limits.maxFiles()) {
                files.add(MailAttachment.notRead(name, declared, MailAttachment.NotRead.TOO_MANY));
                return;
            }
            read++;
            try (InputStream in = part.getInputStream()) {
                // one byte past the limit tells a file over it, and nothing more of it is fetched
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileSize() + 1));
                files.add(content.length > limits.maxFileSize()
                        ? MailAttachment.notRead(name, declared, MailAttachment.NotRead.TOO_LARGE)
                        : MailAttachment.read(name, declared, content));
            } catch (IOException e) {
                connected(message);
                files.add(MailAttachment.notRead(name, declared, MailAttachment.NotRead.UNREADABLE));
            }
        }

        private static String name(Part part) {
            try {
                String name = part.getFileName();
                return name == null ? null : MimeUtility.decodeText(name); // RFC 2047 words some programs still send
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                return null;
            }
        }

        private static String declaredType(Part part) {
            try {
                return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }
    }
}
