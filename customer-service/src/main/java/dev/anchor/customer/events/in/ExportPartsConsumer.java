package dev.anchor.customer.events.in;

import dev.anchor.blocks.inbox.EventInbox;
import dev.anchor.customer.domain.SubjectAccessExports;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Collects the other services' parts of subject access exports from export.parts. Each event is applied once
 * (inbox); a malformed one is rejected whole and consumption goes on.
 */
@ApplicationScoped
public class ExportPartsConsumer {

    static final String CONSUMER = "customer-service.export.parts";

    private final EventInbox inbox;
    private final SubjectAccessExports exports;

    public ExportPartsConsumer(EventInbox inbox, SubjectAccessExports exports) {
        this.inbox = inbox;
        this.exports = exports;
    }

    @Incoming("export-parts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, exports::receive);
    }
}
