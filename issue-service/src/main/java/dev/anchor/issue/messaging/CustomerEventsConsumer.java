package dev.anchor.issue.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.issue.domain.CustomerReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the customer replica from customer.events, each event applied once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "issue-service.customer-replica";

    private final EventInbox inbox;
    private final CustomerReplicas replicas;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming("customer-events")
    public void consume(String payload) {
        inbox.apply(CONSUMER, payload, replicas::apply);
    }
}
