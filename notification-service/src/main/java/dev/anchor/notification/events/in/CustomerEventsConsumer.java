package dev.anchor.notification.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.CustomerReplication;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the customer replica from customer.events, each event applied once; messages that were waiting for that
 * customer are decided in the same transaction.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "notification-service.customer.events";

    private final EventInbox inbox;
    private final CustomerReplication replication;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplication replication) {
        this.inbox = inbox;
        this.replication = replication;
    }

    @Incoming("customer-events")
    @Blocking // one event after another, so the order of a partition is kept
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, replication::apply);
    }
}
