package dev.anchor.notification.domain;

import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Messages held for their customer ({@code awaiting-customer}): decided once the customer is known — when
 * customer.events names them, or by the dispatcher's sweep (a customer that arrived while the message was being held)
 * — and suppressed with {@code unknown-customer} once the wait is over.
 */
@ApplicationScoped
public class HeldMessages {

    private static final int BATCH = 50;

    private final Notifications notifications;
    private final Notifier notifier;
    private final Clock clock;

    public HeldMessages(Notifications notifications, Notifier notifier, Clock clock) {
        this.notifications = notifications;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** customer.events changed these customers: messages waiting for them are decided now, in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void customersChanged(Set<UUID> customerIds) {
        if (!customerIds.isEmpty()) {
            notifications.heldFor(customerIds).forEach(notifier::decideAgain);
        }
    }

    /**
     * The sweep: held messages whose customer is known by now or whose wait is over. Runs in its own transaction;
     * rows another worker holds are skipped.
     *
     * @return how many were decided or given up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int review() {
        List<UUID> ids = notifications.heldToReview(ServiceClock.now(clock), BATCH);
        int done = 0;
        for (UUID id : ids) {
            Notification n = notifications.byId(id);
            if (n != null && n.isHeldForCustomer() && notifier.decideAgain(n)) {
                done++;
            }
        }
        return done;
    }
}
