package dev.anchor.blocks.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Where an event that cannot be applied goes (unreadable, or breaking its contract): logged with its id and counted
 * in {@code anchor.events.rejected} by consumer and reason. Nothing of it was applied.
 */
@ApplicationScoped
public class RejectedEvents {

    private static final Logger LOG = Logger.getLogger(RejectedEvents.class);
    static final String METRIC = "anchor.events.rejected";

    private final MeterRegistry registry;

    public RejectedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An event whose envelope cannot be read: no id to name, so the start of the record is logged. */
    public void unreadable(String consumer, String payload, String why) {
        String start = payload == null ? "null" : payload.length() > 200 ? payload.substring(0, 200) + "…" : payload;
        LOG.errorf("%s rejects an unreadable event (%s): %s", consumer, why, start);
        registry.counter(METRIC, "consumer", consumer, "reason", "unreadable").increment();
    }

    /** An event that breaks its contract: its transaction was rolled back, so it changed nothing. */
    public void malformed(String consumer, String type, Object eventId, String why) {
        LOG.errorf("%s rejects %s %s: %s", consumer, type, eventId, why);
        registry.counter(METRIC, "consumer", consumer, "reason", "malformed").increment();
    }
}
