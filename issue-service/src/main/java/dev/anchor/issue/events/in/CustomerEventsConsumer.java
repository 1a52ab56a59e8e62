package dev.anchor.issue.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.issue.domain.CustomerReplication;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.events keeps the customer replica (who may have issues, merges, erasure), each event applied once. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "issue-service.customer.events";

    private final EventInbox inbox;
    private final CustomerReplication replication;

    public CustomerEventsConsumer(EventInbox inbox, CustomerReplication replication) {
        this.inbox = inbox;
        this.replication = replication;
    }

    @Incoming("customer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, replication::apply);
    }
}
