package dev.anchor.notification.domain;

import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.notification.events.out.NotificationEvents;
import dev.anchor.notification.events.out.ReplyState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * SMS replies from the provider's inbound webhook and from the SMSC's deliver_sm (sending/SmppReceiver). The
 * customer is the one active customer with the sender's number; the issue that of her newest SMS about one, else of
 * her newest message about one. A matched reply is published as notification.reply-received (contact-service makes
 * it her contact); the number never leaves this service. Each provider message id is taken once, its row written in
 * the transaction of its event.
 */
@ApplicationScoped
@Transactional
public class InboundSms {

    /** What became of a reply: its inbound_sms status and the {@code status} tag of {@code anchor.sms.inbound}. */
    public enum Outcome {
        PUBLISHED, UNMATCHED, REPEATED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String METRIC = "anchor.sms.inbound";
    static final String CHANNEL = "sms";
    static final int LONGEST_TEXT = 1600;
    private static final Logger LOG = Logger.getLogger(InboundSms.class);
    private static final Pattern PROVIDER_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private final CustomerContacts customers;
    private final Notifications notifications;
    private final InboundSmsLog log;
    private final NotificationEvents events;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundSms(CustomerContacts customers, Notifications notifications, InboundSmsLog log,
                      NotificationEvents events, MeterRegistry meters, Clock clock) {
        this.customers = customers;
        this.notifications = notifications;
        this.log = log;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes one reply as the provider sent it ({@code to}, our number, and {@code at} are optional); fields that break
     * the webhook's contract throw {@link InvalidFields} before anything is read or written.
     */
    public Outcome received(String providerId, String from, String to, String text, String at) {
        OffsetDateTime sentAt = check(providerId, from, to, text, at);
        Outcome outcome = take(providerId, from, text, sentAt != null ? sentAt : ServiceClock.now(clock));
        meters.counter(METRIC, "status", outcome.value()).increment();
        return outcome;
    }

    private Outcome take(String providerId, String from, String text, OffsetDateTime receivedAt) {
        if (log.taken(providerId)) {
            return Outcome.REPEATED;
        }
        List<UUID> matches = customersWith(from);
        UUID customerId = matches.size() == 1 ? matches.get(0) : null;
        UUID issueId = customerId == null ? null : notifications.latestIssueId(customerId, CHANNEL);
        Outcome outcome = customerId == null ? Outcome.UNMATCHED : Outcome.PUBLISHED;
        if (!log.record(providerId, customerId, issueId, outcome.value(), receivedAt)) {
            return Outcome.REPEATED;
        }
        if (customerId == null) {
            // never the number in the log: it is personal data, and the provider id finds the message at the provider
            LOG.infof("SMS reply %s matches %d active customers: unmatched, not published", providerId, matches.size());
            return outcome;
        }
        events.replyReceived(new ReplyState(UUID.randomUUID(), customerId, issueId, CHANNEL, text, receivedAt,
                providerId));
        return outcome;
    }

    /** The active customers with the number; a single one is read again under her lock (an erasure finishes first). */
    private List<UUID> customersWith(String number) {
        List<UUID> found = customers.activeWithPhone(number);
        if (found.size() != 1) {
            return found;
        }
        customers.lock(found.get(0));
        List<UUID> again = customers.activeWithPhone(number);
        return again.equals(found) ? found : List.of();
    }

    /** The webhook's contract; returns {@code at} in UTC to the microsecond (null when absent). */
    private static OffsetDateTime check(String providerId, String from, String to, String text, String at) {
        checkSender(providerId, from, to);
        if (text == null || text.isBlank()) {
            throw InvalidFields.of("text", "is required and must not be blank");
        }
        checkCharacters(text);
        return at == null ? null : time(at);
    }

    /** The id, sender and recipient rules, for a part of a message as for a whole one. */
    static void checkSender(String providerId, String from, String to) {
        if (providerId == null || !PROVIDER_ID.matcher(providerId).matches()) {
            throw InvalidFields.of("id", "is required: 1 to 100 visible ASCII characters");
        }
        if (from == null || !E164.matcher(from).matches()) {
            throw InvalidFields.of("from", "must be an E.164 number: + and 8 to 15 digits");
        }
        if (to != null && !PROVIDER_ID.matcher(to).matches()) {
            throw InvalidFields.of("to", "must be 1 to 100 visible ASCII characters");
        }
    }

    /** The text rules a part must keep too (a part alone may be blank: the message it belongs to may not). */
    static void checkCharacters(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw InvalidFields.of("text", "contains a NUL character"); // the tree the webhook reads skips StrictJson
        }
        if (text.codePointCount(0, text.length()) > LONGEST_TEXT) {
            throw InvalidFields.of("text", "is longer than " + LONGEST_TEXT + " characters");
        }
    }

    private static OffsetDateTime time(String at) {
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidFields.of("at", "must be an ISO-8601 date-time with an offset, e.g. 2026-12-02T18:00:00Z");
        }
        OffsetDateTime utc = parsed.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            throw InvalidFields.of("at", "must be within the years 1 to 9999");
        }
        return utc;
    }
}
