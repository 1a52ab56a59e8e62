package dev.anchor.notification.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.CustomerReplicas;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the customer replica from customer.events, each event applied once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "notification-service/customer-events";
    private final EventInbox inbox;
    private final CustomerReplicas replicas;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.apply(CONSUMER, payload, event -> replicas.apply(event.type(), event.data()));
    }
}
