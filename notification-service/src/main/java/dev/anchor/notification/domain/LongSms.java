package dev.anchor.notification.domain;

import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.time.ServiceClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Customers' SMS that arrive in several parts (over SMPP): each part is stored durably, once per segment, and the
 * message goes to {@link InboundSms} as one reply when its last part is stored, in that part's transaction. Parts
 * whose message never completes go, after a timeout, as what arrived with the gaps marked.
 */
@ApplicationScoped
@Transactional
public class LongSms {

    /** How the part is answered: stored and waiting, already held, or the message it completed. */
    public enum Outcome {
        STORED, REPEATED, JOINED
    }

    static final String METRIC = "anchor.sms.inbound.parts";
    /** How long a joined group still recognises a part delivered again, as the fingerprint of an SMS lasts an hour. */
    public static final Duration REPEAT_WINDOW = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(LongSms.class);

    private final SmsParts parts;
    private final CustomerContacts customers;
    private final InboundSms inbound;
    private final MeterRegistry meters;
    private final Clock clock;

    public LongSms(SmsParts parts, CustomerContacts customers, InboundSms inbound, MeterRegistry meters, Clock clock) {
        this.parts = parts;
        this.customers = customers;
        this.inbound = inbound;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes part {@code segment} of {@code total} of the sender's message {@code reference}; {@code providerId} is the
     * part's own id (the joined message takes its first part's). Breaking the webhook's rules throws
     * {@link InvalidFields} before anything is written.
     */
    public Outcome part(String providerId, String from, String to, int reference, int total, int segment,
                        String text) {
        InboundSms.checkSender(providerId, from, to);
        InboundSms.checkCharacters(text);
        SmsParts.Group group = new SmsParts.Group(senderKey(from), reference, total);
        lock(from, group);
        OffsetDateTime now = ServiceClock.now(clock);
        if (!parts.add(group, new SmsParts.Part(segment, providerId, from, text, now))) {
            return counted(Outcome.REPEATED);
        }
        List<SmsParts.Part> waiting = parts.waiting(group);
        if (waiting.size() < total) {
            return counted(Outcome.STORED);
        }
        deliver(group, waiting, to, now);
        return counted(Outcome.JOINED);
    }

    /** The groups with a part waiting longer than {@code timeout}. */
    public List<SmsParts.Group> overdue(Duration timeout) {
        return parts.waitingSince(ServiceClock.now(clock).minus(timeout));
    }

    /** Delivers what arrived of a group that waited longer than {@code timeout}, if it still waits. */
    public void deliverOverdue(SmsParts.Group group, Duration timeout) {
        List<SmsParts.Part> seen = parts.waiting(group);
        if (seen.isEmpty()) {
            return;
        }
        lock(seen.get(0).sender(), group);
        OffsetDateTime now = ServiceClock.now(clock);
        List<SmsParts.Part> waiting = parts.waiting(group);
        OffsetDateTime oldest = waiting.stream().map(SmsParts.Part::receivedAt).min(Comparator.naturalOrder())
                .orElse(now);
        if (waiting.isEmpty() || !oldest.isBefore(now.minus(timeout))) {
            return; // completed or swept by someone else meanwhile
        }
        LOG.infof("SMS %s: %d of %d parts arrived within %s, delivered with the gaps marked",
                waiting.get(0).providerId(), waiting.size(), group.total(), timeout);
        deliver(group, waiting, null, now);
        meters.counter(METRIC, "status", "timed-out").increment();
    }

    /** Gives up a group whose text can never be a reply (blank, say): its parts are dropped. */
    public void drop(SmsParts.Group group) {
        parts.lock(group);
        parts.joined(group, ServiceClock.now(clock));
    }

    /** Deletes joined groups past {@link #REPEAT_WINDOW}. */
    public int purgeJoined() {
        return parts.purgeJoined(ServiceClock.now(clock).minus(REPEAT_WINDOW));
    }

    /** Deletes every part from the number (an erasure): waiting text and the rows that recognise a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetSender(String number) {
        parts.forgetSender(senderKey(number));
    }

    private void deliver(SmsParts.Group group, List<SmsParts.Part> waiting, String to, OffsetDateTime now) {
        SmsParts.Part first = waiting.get(0);
        inbound.received(first.providerId(), first.sender(), to, JoinedText.of(waiting, group.total()), null);
        parts.joined(group, now);
    }

    /** The sender's customers first, as every writer of their data takes them (an erasure went first or waits). */
    private void lock(String from, SmsParts.Group group) {
        customers.lock(customers.activeWithPhone(from));
        parts.lock(group);
    }

    private Outcome counted(Outcome outcome) {
        meters.counter(METRIC, "status", outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    /** The number's SHA-256: what a joined group keeps of its sender. */
    static String senderKey(String number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
