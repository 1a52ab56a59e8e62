package dev.anchor.notification.domain;

import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.InvalidFields;

import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.notification.events.out.NotificationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What providers tell us after sending: delivered, undeliverable, bounced, complained. */
@ApplicationScoped
public class DeliveryReports {

    /** What an SMS delivery receipt says happened. */
    enum SmsReceipt { DELIVERED, FAILED, UNDELIVERABLE, REJECTED }

    /** What an email report says happened. */
    enum EmailReport { HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT }

    private final Notifications notifications;
    private final Deliveries deliveries;
    private final NotificationEvents events;
    private final CustomerContacts customers;
    private final Clock clock;

    public DeliveryReports(Notifications notifications, Deliveries deliveries, NotificationEvents events,
                           CustomerContacts customers, Clock clock) {
        this.notifications = notifications;
        this.customers = customers;
        this.deliveries = deliveries;
        this.events = events;
        this.clock = clock;
    }

    /** An SMS delivery receipt, by the provider's id or our reference (the notification id). */
    @Transactional
    public void sms(String providerId, UUID reference, String status, String error) {
        Notification n = find("sms", providerId, reference);
        SmsReceipt receipt = constant(SmsReceipt.class, status).orElseThrow(() ->
                InvalidFields.of("status", "must be delivered, failed, undeliverable or rejected"));
        if (receipt == SmsReceipt.DELIVERED) {
            if (n.status == NotificationStatus.SENT) {
                n.status = NotificationStatus.DELIVERED;
                n.deliveredAt = ServiceClock.now(clock);
                events.published(n.state());
            } else if (n.status != NotificationStatus.DELIVERED) {
                throw notSent(n);
            }
            return;
        }
        if (n.status == NotificationStatus.SENT) {
            // the provider's words may quote the number: an erased customer's message keeps only what happened
            boolean quote = error != null && customers.resolve(n.customerId).map(CustomerContact::isActive).orElse(true);
            n.settle(NotificationStatus.FAILED, "provider reported " + status + (quote ? ": " + error : ""));
            events.published(n.state());
            if (receipt == SmsReceipt.UNDELIVERABLE || receipt == SmsReceipt.REJECTED) {
                deliveries.suppressAddress("sms", n.recipient, status);
            }
        } else if (n.status != NotificationStatus.FAILED) {
            throw notSent(n);
        }
    }

    /** A hard bounce or complaint suppresses the address until the customer's address changes. */
    @Transactional
    public void email(String address, String type, UUID reference) {
        EmailReport report = constant(EmailReport.class, type).orElseThrow(() ->
                InvalidFields.of("type", "must be hard-bounce, soft-bounce or complaint"));
        if (reference != null) {
            Notification n = find("email", null, reference);
            if (!address.equalsIgnoreCase(String.valueOf(n.recipient))) {
                throw new Refused("Notification " + reference + " was not sent to that address");
            }
            if (report != EmailReport.SOFT_BOUNCE
                    && (n.status == NotificationStatus.SENT || n.status == NotificationStatus.DELIVERED)) {
                n.settle(NotificationStatus.FAILED, type);
                events.published(n.state());
            }
        }
        if (report != EmailReport.SOFT_BOUNCE) {
            deliveries.suppressAddress("email", address, type);
        }
    }

    private Notification find(String channel, String providerId, UUID reference) {
        Notification n = reference != null ? notifications.byId(reference) : notifications.byProviderId(providerId);
        if (n == null || !channel.equals(n.channel)) {
            throw new NotFound("Notification", reference != null ? reference : providerId);
        }
        // the erasure's lock: one under way finishes first, and what it cleared is read as it left it
        customers.lock(n.customerId);
        notifications.reload(n);
        if (providerId != null && reference != null && !providerId.equals(n.providerId)) {
            throw new Refused("The provider id does not match notification " + reference);
        }
        return n;
    }

    private static Conflict notSent(Notification n) {
        return new Conflict("Notification " + n.id + " is " + n.status.value() + ", not sent");
    }

    /** The constant spelled {@code value} in lower case with dashes (hard-bounce), exactly. */
    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(value)).findFirst();
    }
}
