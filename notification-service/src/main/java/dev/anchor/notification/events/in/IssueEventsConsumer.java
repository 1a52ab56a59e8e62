package dev.anchor.notification.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.IssueNotifier;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns issue.events into the issue replica and notification decisions, each event applied once (deduplicated by its id). */
@ApplicationScoped
public class IssueEventsConsumer {

    static final String CONSUMER = "notification-service.issue.events";

    private final EventInbox inbox;
    private final IssueNotifier notifier;

    public IssueEventsConsumer(EventInbox inbox, IssueNotifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("issue-events")
    @Blocking // one event after another, so the order of a partition is kept
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, notifier::apply);
    }
}
