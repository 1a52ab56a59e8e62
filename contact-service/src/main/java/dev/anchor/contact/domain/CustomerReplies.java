package dev.anchor.contact.domain;

import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.contact.events.out.ContactState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers write back: an email answering one of ours becomes a contact on its issue (origin customer-reply), which
 * issue-service shows as the customer's words; a known customer's email to the organisation's address becomes a
 * contact that asks for a new issue (origin customer-email), which issue-service opens. Each message is taken once
 * (its Message-ID), in the transaction that moves the mailbox's cursor past it, so a restart between reading and
 * taking reads it again and takes it once.
 */
@ApplicationScoped
public class CustomerReplies {

    private static final Logger LOG = Logger.getLogger(CustomerReplies.class);
    /** Who logged a contact a reply made. */
    static final String LOGGED_BY = "mailbox";

    private final InboundMessages messages;
    private final InboundAttachments attachments;
    private final CustomerReplicas customers;
    private final IssueReplicas issues;
    private final ContactService contactLog;
    private final Clock clock;

    public CustomerReplies(InboundMessages messages, InboundAttachments attachments, CustomerReplicas customers,
                           IssueReplicas issues, ContactService contactLog, Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.customers = customers;
        this.issues = issues;
        this.contactLog = contactLog;
        this.clock = clock;
    }

    /** Where reading {@code mailbox} goes on: the UID after which nothing was taken yet. */
    @Transactional
    public long readAfter(String mailbox, long uidValidity) {
        return messages.cursor(mailbox).readAfter(uidValidity);
    }

    /** Takes the message with {@code uid} once and moves the cursor past it, together. */
    @Transactional
    public InboundMessage.Status take(String mailbox, long uidValidity, long uid, ReceivedMail mail) {
        MailboxCursor cursor = messages.cursor(mailbox);
        long after = cursor.readAfter(uidValidity);
        InboundMessage.Status status = after >= uid ? null : receive(mail);
        cursor.uidValidity = uidValidity;
        cursor.lastUid = Math.max(after, uid);
        cursor.updatedAt = ServiceClock.now(clock);
        messages.save(cursor);
        return status;
    }

    /** Learns the Reply-To of an email we sent about an issue (notification.sent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learnRoute(String replyTo, UUID issueId, UUID customerId) {
        String token = tokenOf(replyTo);
        if (token != null && messages.route(token).isEmpty()) {
            ReplyRoute route = new ReplyRoute();
            route.token = token;
            route.issueId = issueId;
            route.customerId = customerId;
            route.createdAt = ServiceClock.now(clock);
            messages.addRoute(route);
        }
    }

    /**
     * Staff put an unmatched message on an issue: it becomes the issue's customer's words there, as if it had
     * answered one of our emails. Once: a message already matched or ignored is a conflict.
     */
    @Transactional
    public InboundMessage assign(UUID messageId, UUID issueId, Caller caller) {
        InboundMessage message = messages.byId(messageId).orElseThrow(() -> new NotFound("Inbound message", messageId));
        if (message.status != InboundMessage.Status.unmatched) {
            throw new Conflict("Inbound message " + messageId + " is " + message.status + " already");
        }
        IssueReplica issue = issues.find(issueId);
        if (issue == null) {
            throw new NotFound("Issue", issueId);
        }
        List<ContactState.Attachment> kept = attachments.ofMessages(List.of(messageId)).getOrDefault(messageId, List.of())
                .stream().filter(EmailAttachment::kept).map(EmailAttachment::published).toList();
        InboundMessage.Status status = onIssue(message, issue.customerId, issueId, Channel.valueOf(message.channel),
                new Files(List.of(), kept));
        if (status == InboundMessage.Status.matched) {
            message.reason = "assigned by " + caller.name();
        } else {
            attachments.deleteOf(messageId); // ignored after all (repeated words, an erased customer): nothing kept
        }
        return message;
    }

    /** What staff see of the messages with {@code status}, newest first. */
    @Transactional
    public Paging.Page<InboundMessage> withStatus(InboundMessage.Status status, Paging paging) {
        return messages.withStatus(status, paging);
    }

    /** The files that came with each of the messages, without their bytes. */
    @Transactional
    public Map<UUID, List<EmailAttachment>> attachmentsOf(Collection<UUID> messageIds) {
        return attachments.ofMessages(messageIds);
    }

    /** A kept file of the message with its bytes, for staff; empty for an unknown or refused one, or another's. */
    @Transactional
    public Optional<Download> download(UUID messageId, UUID attachmentId) {
        return attachments.kept(messageId, attachmentId)
                .map(found -> new Download(found, attachments.content(found.id())));
    }

    /** A kept file of the email that made the contact, with its bytes, for staff; empty as {@link #download}. */
    @Transactional
    public Optional<Download> downloadOfContact(UUID contactId, UUID attachmentId) {
        return attachments.keptOfContact(contactId, attachmentId)
                .map(found -> new Download(found, attachments.content(found.id())));
    }

    /** A kept file and its bytes. */
    public record Download(EmailAttachment attachment, byte[] content) {
    }

    /** The files of a message: those to store with it (new mail) and the kept ones its contact publishes. */
    private record Files(List<EmailFiles.Checked> toStore, List<ContactState.Attachment> kept) {
        static final Files NONE = new Files(List.of(), List.of());

        static Files of(List<EmailFiles.Checked> checked) {
            return new Files(checked, checked.stream().map(EmailFiles.Checked::attachment)
                    .filter(EmailAttachment::kept).map(EmailAttachment::published).toList());
        }
    }

    private InboundMessage.Status receive(ReceivedMail mail) {
        String key = keyOf(mail);
        if (messages.seen(key)) {
            return null; // the same message delivered twice
        }
        InboundMessage message = new InboundMessage();
        message.id = UUID.randomUUID();
        message.channel = Channel.email.name();
        message.messageKey = key;
        message.receivedAt = mail.sentAt() == null ? ServiceClock.now(clock) : mail.sentAt();
        message.readAt = ServiceClock.now(clock);
        message.subject = clip(mail.subject(), 500);
        Optional<String> automatic = AutomaticMail.reason(mail.headers(), mail.from(), mail.contentType());
        if (automatic.isPresent()) {
            // a machine wrote it: kept as a fact only, never answered, never a comment (no mail loop)
            return settle(message, InboundMessage.Status.ignored, automatic.get(), Files.NONE);
        }
        Files files = Files.of(EmailFiles.check(message.id, mail.attachments()));
        message.sender = clip(mail.from(), 320);
        message.text = ReplyText.of(mail.plainText(), mail.html());
        message.original = ReplyText.original(mail.plainText(), mail.html());
        Optional<ReplyRoute> route = mail.recipients().stream().map(CustomerReplies::tokenOf)
                .filter(t -> t != null).map(messages::route).flatMap(Optional::stream).findFirst();
        message.recipient = clip(String.join(", ", mail.recipients()), 1000);
        if (route.isPresent()) {
            return onIssue(message, route.get().customerId, route.get().issueId, Channel.email, files);
        }
        if (mail.recipients().stream().anyMatch(r -> tokenOf(r) != null)) {
            // a reply address we never gave out
            return settle(message, InboundMessage.Status.unmatched, "no-issue", files);
        }
        List<UUID> senders = knownSenders(mail.from());
        if (senders.size() != 1) {
            return settle(message, InboundMessage.Status.unmatched,
                    senders.isEmpty() ? "unknown-sender" : "several-customers", files);
        }
        return newIssue(message, senders.getFirst(), mail.subject(), files);
    }

    /** The active customers whose addresses include {@code from}, merged records followed to their survivor. */
    private List<UUID> knownSenders(String from) {
        String digest = EmailDigest.of(from);
        if (digest == null) {
            return List.of();
        }
        return customers.withEmail(digest).stream().map(customers::currentId).distinct()
                .filter(id -> !customers.isErased(id)).toList();
    }

    /**
     * A known customer wrote to the organisation's address: a contact asking for a new issue, which issue-service opens
     * (contact.logged, origin customer-email); its issue.opened is the acknowledgement, with the number and link.
     */
    private InboundMessage.Status newIssue(InboundMessage message, UUID customer, String subject, Files files) {
        UUID customerId = customers.currentId(customer);
        customers.lock(customerId);
        if (customers.isErased(customerId)) {
            return erased(message);
        }
        message.customerId = customerId;
        if (message.text.isBlank() && subject != null && !subject.isBlank()) {
            message.text = subject.strip(); // a subject alone ("Broken screen") is the request
        }
        if (message.text.isBlank()) {
            return settle(message, InboundMessage.Status.ignored, "no-text", Files.NONE);
        }
        if (messages.alreadyOpened(customerId, message.text)) {
            return settle(message, InboundMessage.Status.ignored, "repeated", Files.NONE);
        }
        Contact contact = contactOf(message, customerId, null, Channel.email, Contact.CUSTOMER_EMAIL, files);
        contact.subject = clip(subject == null ? null : subject.strip(), 500);
        contactLog.record(contact);
        message.contactId = contact.id;
        return settle(message, InboundMessage.Status.matched, InboundMessage.NEW_ISSUE, files);
    }


    /**
     * An SMS reply notification-service received from the provider (notification.reply-received): the customer and
     * the issue of her last SMS are known there; the number never leaves it. Taken once per provider message id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void smsReply(EventData reply) {
        String key = "sms:" + reply.text("providerMessageId");
        if (messages.seen(key)) {
            return;
        }
        InboundMessage message = new InboundMessage();
        message.id = reply.uuid("id");
        message.channel = Channel.sms.name();
        message.messageKey = key;
        message.readAt = ServiceClock.now(clock);
        OffsetDateTime received = reply.optionalTime("receivedAt");
        message.receivedAt = received == null ? message.readAt : received;
        message.text = ReplyText.of(reply.text("text"), null);
        message.original = ReplyText.original(reply.text("text"), null);
        UUID issueId = reply.optionalUuid("issueId");
        if (issueId == null) {
            message.customerId = customers.currentId(reply.uuid("customerId"));
            settle(message, InboundMessage.Status.unmatched, "no-issue", Files.NONE);
            return;
        }
        onIssue(message, reply.uuid("customerId"), issueId, Channel.sms, Files.NONE);
    }

    /**
     * The customer's words or files on their issue: a contact, unless there are neither, the words repeat, or she was
     * erased.
     */
    private InboundMessage.Status onIssue(InboundMessage message, UUID customer, UUID issueId, Channel channel,
                                          Files files) {
        UUID customerId = customers.currentId(customer);
        customers.lock(customerId); // an erasure under way finishes first, and then nothing of this is kept
        if (customers.isErased(customerId)) {
            return erased(message);
        }
        message.customerId = customerId;
        message.issueId = issueId;
        if (message.text.isBlank() && files.kept().isEmpty()) {
            return settle(message, InboundMessage.Status.ignored, "no-text", Files.NONE);
        }
        // a photo sent without a word is an answer too ("send us a photo of the fault"); words said twice are not
        if (!message.text.isBlank() && messages.alreadyTaken(message.issueId, message.text)) {
            return settle(message, InboundMessage.Status.ignored, "repeated", Files.NONE);
        }
        Contact contact = contactOf(message, customerId, issueId, channel, Contact.CUSTOMER_REPLY, files);
        contactLog.record(contact);
        message.contactId = contact.id;
        return settle(message, InboundMessage.Status.matched, null, files);
    }

    /** Nothing of an erased customer's message is kept but the fact that one came. */
    private InboundMessage.Status erased(InboundMessage message) {
        message.sender = message.text = message.original = message.subject = message.recipient = null;
        message.customerId = null;
        return settle(message, InboundMessage.Status.ignored, "customer-erased", Files.NONE);
    }

    /** The inbound contact the customer's own message makes: no agent logged it. */
    private static Contact contactOf(InboundMessage message, UUID customerId, UUID issueId, Channel channel, String origin,
                                     Files files) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.customerId = customerId;
        contact.issueId = issueId;
        contact.channel = channel;
        contact.direction = Direction.inbound;
        contact.occurredAt = message.receivedAt.isAfter(message.readAt) ? message.readAt : message.receivedAt;
        contact.summary = message.text.isBlank() ? null : message.text;
        contact.outcome = Outcome.follow_up;
        contact.origin = origin;
        contact.loggedBy = LOGGED_BY;
        contact.attachments = files.kept().isEmpty() ? null : files.kept();
        contact.createdAt = message.readAt;
        contact.updatedAt = message.readAt;
        return contact;
    }

    /** Stores the message with what became of it, and its files unless it is ignored (then none are kept). */
    private InboundMessage.Status settle(InboundMessage message, InboundMessage.Status status, String reason, Files files) {
        message.status = status;
        message.reason = reason;
        messages.add(message);
        if (status != InboundMessage.Status.ignored) {
            attachments.add(files.toStore());
        }
        LOG.infof("inbound %s %s: %s%s", message.channel, message.id, status, reason == null ? "" : " (" + reason + ")");
        return status;
    }

    /** The token after '+' in the local part of one of our reply addresses, lower case; null when there is none. */
    static String tokenOf(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        int plus = a.indexOf('+');
        if (at <= 0 || plus < 0 || plus > at) {
            return null;
        }
        String token = a.substring(plus + 1, at);
        return token.matches("[a-z2-7]{16,64}") ? token : null;
    }

    /** The Message-ID, or a digest of who, when, what when a message has none. */
    static String keyOf(ReceivedMail mail) {
        if (mail.messageId() != null && !mail.messageId().isBlank()) {
            return clip(mail.messageId().strip(), 998);
        }
        String all = mail.from() + "|" + mail.sentAt() + "|" + mail.subject() + "|" + mail.plainText() + "|" + mail.html();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
