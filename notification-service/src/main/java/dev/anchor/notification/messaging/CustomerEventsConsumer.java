package dev.anchor.notification.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.CustomerReplicas;
import dev.anchor.notification.domain.IssueNotifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the customer replica from customer.events, each event applied once; messages that were waiting for that
 * customer are decided in the same transaction.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "notification-service/customer-events";
    private final EventInbox inbox;
    private final CustomerReplicas replicas;
    private final IssueNotifier notifier;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplicas replicas, IssueNotifier notifier) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.notifier = notifier;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.apply(CONSUMER, payload, event -> {
            replicas.apply(event.type(), event.data());
            notifier.customersChanged(event.type(), event.data());
        });
    }
}
