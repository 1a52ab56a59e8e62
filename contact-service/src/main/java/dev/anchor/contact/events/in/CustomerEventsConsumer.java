package dev.anchor.contact.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.contact.domain.CustomerReplication;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the customer replica, and its merges and erasures, from customer.events. Each event is applied once (inbox);
 * a malformed one is rejected whole and consumption goes on.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "contact-service.customer.events";

    private final EventInbox inbox;
    private final CustomerReplication projection;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplication projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("customer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, projection::apply);
    }
}
