package dev.anchor.notification.domain;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.notification.sending.Dispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What providers tell us after sending: delivered, undeliverable, bounced, complained. */
@ApplicationScoped
public class DeliveryReports {

    private final EntityManager em;
    private final Clock clock;
    private final NotificationEvents events;
    private final Dispatcher dispatcher;

    public DeliveryReports(EntityManager em, Clock clock, NotificationEvents events, Dispatcher dispatcher) {
        this.em = em;
        this.clock = clock;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    /** An SMS delivery receipt, by the provider's id or our reference (the notification id). */
    @Transactional
    public void sms(String providerId, UUID reference, String status, String error) {
        Notification n = find("sms", providerId, reference);
        switch (status) {
            case "delivered" -> {
                if ("sent".equals(n.status)) {
                    n.status = "delivered";
                    n.deliveredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                    events.published(n);
                } else if (!"delivered".equals(n.status)) {
                    throw Problems.conflict("Notification " + n.id + " is " + n.status + ", not sent");
                }
            }
            case "failed", "undeliverable", "rejected" -> {
                if ("sent".equals(n.status)) {
                    n.settle("failed", "provider reported " + status + (error == null ? "" : ": " + error));
                    events.published(n);
                    if ("undeliverable".equals(status) || "rejected".equals(status)) {
                        dispatcher.suppressAddress("sms", n.recipient, status);
                    }
                } else if (!"failed".equals(n.status)) {
                    throw Problems.conflict("Notification " + n.id + " is " + n.status + ", not sent");
                }
            }
            default -> throw Problems.invalidField("status", "must be delivered, failed, undeliverable or rejected");
        }
    }

    /** A hard bounce or complaint suppresses the address until the customer's address changes. */
    @Transactional
    public void email(String address, String type, UUID reference) {
        if (!List.of("hard-bounce", "complaint", "soft-bounce").contains(type)) {
            throw Problems.invalidField("type", "must be hard-bounce, soft-bounce or complaint");
        }
        if (reference != null) {
            Notification n = find("email", null, reference);
            if (!address.equalsIgnoreCase(String.valueOf(n.recipient))) {
                throw Problems.unprocessable("Notification " + reference + " was not sent to that address");
            }
            if (!"soft-bounce".equals(type) && ("sent".equals(n.status) || "delivered".equals(n.status))) {
                n.settle("failed", type);
                events.published(n);
            }
        }
        if (!"soft-bounce".equals(type)) {
            dispatcher.suppressAddress("email", address, type);
        }
    }

    private Notification find(String channel, String providerId, UUID reference) {
        List<Notification> found = reference != null
                ? em.createQuery("from Notification n where n.id = :id", Notification.class).setParameter("id", reference).getResultList()
                : em.createQuery("from Notification n where n.providerId = :p", Notification.class).setParameter("p", providerId).getResultList();
        Notification n = found.stream().filter(x -> channel.equals(x.channel)).findFirst()
                .orElseThrow(() -> Problems.notFound("Notification", reference != null ? reference : providerId));
        if (providerId != null && reference != null && !providerId.equals(n.providerId)) {
            throw Problems.unprocessable("The provider id does not match notification " + reference);
        }
        return n;
    }
}
