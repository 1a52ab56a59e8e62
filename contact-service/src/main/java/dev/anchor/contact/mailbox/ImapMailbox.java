package dev.anchor.contact.mailbox;

import dev.anchor.contact.domain.CustomerReplies;
import dev.anchor.contact.domain.InboundMessage;
import dev.anchor.contact.domain.ReceivedMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.jboss.logging.Logger;

import java.util.Properties;

/**
 * Reads the organisation's mailbox over IMAP (Eclipse Angus): polling, read-only (nothing is flagged or deleted, so
 * the mailbox stays the record), from the last UID taken on. Each message is handed to {@link CustomerReplies}, which
 * takes it and moves the cursor in one transaction; a failure stops the reading, and the next one starts there again.
 */
@ApplicationScoped
@RegisterForReflection(targets = {org.eclipse.angus.mail.imap.IMAPStore.class,
        org.eclipse.angus.mail.imap.IMAPSSLStore.class}) // Session makes the store by reflection (native image)
public class ImapMailbox {

    private static final Logger LOG = Logger.getLogger(ImapMailbox.class);

    private final MailboxSettings settings;
    private final CustomerReplies replies;
    private final MeterRegistry meters;

    public ImapMailbox(MailboxSettings settings, CustomerReplies replies, MeterRegistry meters) {
        this.settings = settings;
        this.replies = replies;
        this.meters = meters;
    }

    @Scheduled(every = "${anchor.mailbox.poll-every:10s}", delayed = "${anchor.mailbox.poll-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (settings.host().isEmpty()) {
            return;
        }
        try {
            read();
        } catch (MessagingException | RuntimeException e) {
            // the server or the database is away: the next reading starts from the same cursor
            meters.counter("anchor.mailbox.readings.failed").increment();
            LOG.warnf("reading the mailbox %s failed, retried in %s: %s", name(), settings.pollEvery(), e.getMessage());
        }
    }

    /** Reads what arrived since the last UID taken; returns how many messages were taken. */
    int read() throws MessagingException {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host().orElseThrow(), settings.port(), settings.user(),
                    settings.password().orElse(""));
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return take((UIDFolder) folder);
            } finally {
                folder.close(false);
            }
        }
    }

    private int take(UIDFolder folder) throws MessagingException {
        long validity = folder.getUIDValidity();
        long after = replies.readAfter(name(), validity);
        MailParts.Limits limits = new MailParts.Limits(settings.maxAttachmentSize().asLongValue(), settings.maxAttachments());
        int taken = 0;
        for (Message message : folder.getMessagesByUID(after + 1, UIDFolder.LASTUID)) {
            long uid = folder.getUID(message);
            if (uid <= after) {
                continue; // IMAP answers a range past the end with the last message
            }
            ReceivedMail mail = MailParts.read(message, limits);
            InboundMessage.Status status = replies.take(name(), validity, uid, mail);
            if (status != null) {
                meters.counter("anchor.mailbox.messages", "status", status.name()).increment();
            }
            if (++taken >= settings.batch()) {
                break;
            }
        }
        return taken;
    }

    private String name() {
        return settings.user() + "@" + settings.host().orElse("") + "/" + settings.folder();
    }
}
