package dev.anchor.notification.sending;

import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.notification.domain.LongSms;
import dev.anchor.notification.domain.SmsParts;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Every {@code anchor.sms.smpp.part-sweep-every}: a customer's SMS whose parts waited longer than
 * {@code anchor.sms.smpp.part-timeout} for the rest goes as what arrived, and joined groups past the hour in which a
 * redelivered part is recognised are deleted. Each group in its own transaction, so one that fails holds up no other.
 */
@ApplicationScoped
public class SmsPartSweep {

    private static final Logger LOG = Logger.getLogger(SmsPartSweep.class);

    private final LongSms parts;
    private final Duration timeout;

    public SmsPartSweep(LongSms parts, @ConfigProperty(name = "anchor.sms.smpp.part-timeout", defaultValue = "PT24H")
                        Duration timeout) {
        this.parts = parts;
        this.timeout = timeout;
    }

    @Scheduled(every = "${anchor.sms.smpp.part-sweep-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            deliverOverdue();
            parts.purgeJoined();
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping SMS parts failed; the next round retries: %s", e.toString());
        }
    }

    private void deliverOverdue() {
        for (SmsParts.Group group : parts.overdue(timeout)) {
            try {
                parts.deliverOverdue(group, timeout);
            } catch (InvalidFields e) {
                // nothing the customer said can be a reply (blank parts): waiting longer would not change that
                LOG.warnf("SMS parts (reference %d, %d parts) dropped: %s", group.reference(), group.total(),
                        e.getMessage());
                parts.drop(group);
            } catch (RuntimeException e) {
                LOG.warnf(e, "SMS parts (reference %d) not delivered yet: tried again at the next sweep",
                        group.reference());
            }
        }
    }
}
