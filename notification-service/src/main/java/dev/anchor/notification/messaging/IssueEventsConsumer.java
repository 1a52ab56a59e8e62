package dev.anchor.notification.messaging;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.notification.domain.IssueNotifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns issue.events into notification decisions, each event applied once (deduplicated by its id). */
@ApplicationScoped
public class IssueEventsConsumer {

    static final String CONSUMER = "notification-service/issue-events";
    private final EventInbox inbox;
    private final IssueNotifier notifier;

    public IssueEventsConsumer(EventInbox inbox, IssueNotifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("issue-events")
    @Blocking(ordered = true)
    public void consume(String payload) {
        inbox.apply(CONSUMER, payload, event -> {
            if (event.type().startsWith("issue.") && event.data() != null && event.data().isObject()) {
                notifier.apply(event.id(), event.type(), event.data());
            }
        });
    }
}
