package dev.anchor.contact.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.contact.domain.IssueProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the issue replica and the issue history on the timeline from issue.events. Each event is applied once (inbox);
 * a malformed one is rejected whole and consumption goes on.
 */
@ApplicationScoped
public class IssueEventsConsumer {

    static final String CONSUMER = "contact-service.issue.events";

    private final EventInbox inbox;
    private final IssueProjection projection;

    public IssueEventsConsumer(EventInbox inbox, IssueProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("issue-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, projection::apply);
    }
}
