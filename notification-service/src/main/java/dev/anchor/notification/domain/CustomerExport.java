package dev.anchor.notification.domain;

import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.notification.events.out.NotificationsPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * notification-service's answer to a subject-access export (customer.export-requested): one {@link NotificationsPart}
 * per export — the customer's contact details and preferences, every message sent, held or decided against with its
 * delivery, and their suppressed addresses — written through {@link ExportParts} in the inbox's transaction. Nothing
 * internal: no provider ids, no raw events a waiting message keeps.
 */
@ApplicationScoped
public class CustomerExport {

    private static final Logger LOG = Logger.getLogger(CustomerExport.class);

    private final CustomerContacts customers;
    private final Notifications notifications;
    private final IssueReplicas issues;
    private final AddressSuppressions suppressions;
    private final ExportParts parts;

    public CustomerExport(CustomerContacts customers, Notifications notifications, IssueReplicas issues,
                          AddressSuppressions suppressions, ExportParts parts) {
        this.customers = customers;
        this.notifications = notifications;
        this.issues = issues;
        this.suppressions = suppressions;
        this.parts = parts;
    }

    /** Contributes the part of {@code exportId} about {@code customerId}, once per export. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contribute(UUID exportId, UUID customerId) {
        if (!parts.contribute(exportId, customerId, part(customerId))) {
            LOG.debugf("export %s was answered already", exportId);
        }
    }

    private NotificationsPart part(UUID requested) {
        CustomerContact c = customers.resolve(requested).orElse(null);
        UUID current = c == null ? requested : c.id;
        boolean erased = c != null && c.replicaStatus() == ReplicaStatus.ERASED;
        NotificationsPart.Preferences preferences = c == null || erased ? null : new NotificationsPart.Preferences(
                c.displayName, c.email, c.phone, c.preferredChannel, c.fallbackAllowed, c.language, c.timeZone,
                c.quietStart, c.quietEnd, c.consentService, c.consentMarketing);
        List<Notification> sent = notifications.ofCustomer(current);
        List<NotificationsPart.Message> messages = sent.stream().map(this::message).toList();
        return new NotificationsPart(requested, erased, preferences, messages, suppressed(c, sent));
    }

    private NotificationsPart.Message message(Notification n) {
        IssueReplica issue = n.issueId == null ? null : issues.byId(n.issueId);
        return new NotificationsPart.Message(issue == null ? null : issue.number, n.template, n.channel, n.recipient,
                n.shownSubject(), n.bodyText, n.smsText, n.summary, n.status.value(), n.reason, n.attempts,
                Notification.utc(n.createdAt), n.shownDueAt(), Notification.utc(n.sentAt),
                Notification.utc(n.deliveredAt));
    }

    /** The suppression entries of the customer's current addresses and of every address a message went to. */
    private List<NotificationsPart.SuppressedAddress> suppressed(CustomerContact c, List<Notification> sent) {
        Set<AddressSuppression.Key> addresses = new LinkedHashSet<>();
        if (c != null && c.email != null) {
            addresses.add(new AddressSuppression.Key("email", c.email));
        }
        if (c != null && c.phone != null) {
            addresses.add(new AddressSuppression.Key("sms", c.phone));
        }
        sent.stream().filter(n -> n.channel != null && n.recipient != null)
                .forEach(n -> addresses.add(new AddressSuppression.Key(n.channel, n.recipient)));
        List<NotificationsPart.SuppressedAddress> found = new ArrayList<>();
        for (AddressSuppression.Key key : addresses) {
            AddressSuppression s = suppressions.find(key.channel(), key.address());
            if (s != null) {
                found.add(new NotificationsPart.SuppressedAddress(key.channel(), key.address(), s.reason,
                        Notification.utc(s.createdAt)));
            }
        }
        return found;
    }
}
