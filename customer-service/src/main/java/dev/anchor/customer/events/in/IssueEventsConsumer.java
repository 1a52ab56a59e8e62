package dev.anchor.customer.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.customer.domain.IssueShareProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from issue.events which locations customers' issues are shared with, so partners read only those customers.
 * Each event is applied once (inbox), the ones without a share too; a malformed one is rejected whole.
 */
@ApplicationScoped
public class IssueEventsConsumer {

    static final String CONSUMER = "customer-service.issue.events";

    private final EventInbox inbox;
    private final IssueShareProjection shares;

    public IssueEventsConsumer(EventInbox inbox, IssueShareProjection shares) {
        this.inbox = inbox;
        this.shares = shares;
    }

    @Incoming("issue-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, shares::apply);
    }
}
