package dev.anchor.contact.messaging;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.contact.domain.MalformedEvent;
import dev.anchor.contact.domain.ReadModel;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Feeds the read model (customer replica, issue replica, timeline) from customer.events, issue.events and
 * notification.events; each event is applied once (inbox) and a malformed one is logged and skipped whole.
 */
@ApplicationScoped
public class ReadModelConsumers {

    static final String CUSTOMERS = "contact-service.customers";
    static final String ISSUES = "contact-service.issues";
    static final String NOTIFICATIONS = "contact-service.notifications";
    private static final Logger LOG = Logger.getLogger(ReadModelConsumers.class);

    private final EventInbox inbox;
    private final ReadModel readModel;

    public ReadModelConsumers(EventInbox inbox, ReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("customer-events")
    @Blocking
    public void customers(String payload) {
        apply(CUSTOMERS, payload, readModel::applyCustomerEvent);
    }

    @Incoming("issue-events")
    @Blocking
    public void issues(String payload) {
        apply(ISSUES, payload, readModel::applyIssueEvent);
    }

    @Incoming("notification-events")
    @Blocking
    public void notifications(String payload) {
        apply(NOTIFICATIONS, payload, readModel::applyNotificationEvent);
    }

    private void apply(String consumer, String payload, Consumer<CloudEvent> handler) {
        if (payload == null) {
            LOG.warnf("%s skips an empty record", consumer);
            return;
        }
        try {
            inbox.apply(consumer, payload, handler);
        } catch (MalformedEvent e) {
            // rolled back whole, so nothing of it was applied; redelivering it would fail the same way
            LOG.errorf("%s skips a malformed event: %s", consumer, e.getMessage());
        }
    }
}
