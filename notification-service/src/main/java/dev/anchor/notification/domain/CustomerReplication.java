package dev.anchor.notification.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplicas;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.notification.events.out.NotificationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the customer replica from customer.events by the rules of {@link VersionedReplicas} (the newest state wins by
 * version, merged and erased are final): merges re-point issues and notifications to the survivor, erasures leave no
 * trace of personal data (under the customers' locks, which every writer of their messages takes too); a
 * subject-access export request is answered with notification-service's part ({@link CustomerExport}). Messages held
 * for the customers an event names are then decided, in the same transaction.
 */
@ApplicationScoped
public class CustomerReplication {

    private static final Logger LOG = Logger.getLogger(CustomerReplication.class);
    private static final Set<String> CHANNELS = Set.of("email", "sms");

    private final CustomerContacts customers;
    private final IssueReplicas issues;
    private final Notifications notifications;
    private final AddressSuppressions suppressions;
    private final HeldMessages held;
    private final NotificationEvents events;
    private final CustomerExport export;
    private final LongSms longSms;
    private final Clock clock;

    public CustomerReplication(CustomerContacts customers, IssueReplicas issues, Notifications notifications,
                               AddressSuppressions suppressions, HeldMessages held, NotificationEvents events,
                               CustomerExport export, LongSms longSms, Clock clock) {
        this.customers = customers;
        this.issues = issues;
        this.notifications = notifications;
        this.suppressions = suppressions;
        this.held = held;
        this.events = events;
        this.export = export;
        this.longSms = longSms;
        this.clock = clock;
    }

    /** Applies one event of customer.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        Set<UUID> named = new LinkedHashSet<>();
        switch (event.type()) {
            case "customer.registered", "customer.updated", "customer.preferences-changed" ->
                    named.add(upsert(EventData.of(event).object("customer")));
            case "customer.merged" -> {
                EventData data = EventData.of(event);
                UUID survivor = data.uuid("survivorId");
                UUID retired = data.uuid("retiredId");
                customers.lock(List.of(survivor, retired));
                named.add(upsert(data.object("customer")));
                named.add(survivor);
                named.add(retired);
                retire(retired, survivor);
            }
            case "customer.erased" -> {
                EventData data = EventData.of(event);
                named.add(data.uuid("customerId"));
                named.addAll(data.uuids("mergedIds"));
                // every lock before any change: a late event, send or report about them waits, then finds them erased
                customers.lock(named);
                named.forEach(this::erase);
            }
            case "customer.export-requested" -> {
                EventData data = EventData.of(event);
                export.contribute(data.uuid("exportId"), data.uuid("customerId"));
                return;
            }
            default -> {
                LOG.debugf("ignores %s", event.type());
                return;
            }
        }
        held.customersChanged(named);
    }

    /** Applies a customer's state when it is newer than the replica's; returns its id. */
    private UUID upsert(EventData customer) {
        UUID id = customer.uuid("id");
        long version = customer.integer("version");
        ReplicaStatus status = customer.constant("status", ReplicaStatus.class);
        String displayName = customer.optionalText("displayName");
        String givenName = customer.optionalText("givenName");
        String email = primary(customer.objects("emails"), "address");
        String phone = primary(customer.objects("phones"), "number");
        EventData p = customer.optionalObject("preferences").orElse(null);
        String preferredChannel = p == null ? null : p.optionalText("preferredChannel");
        if (preferredChannel != null && !CHANNELS.contains(preferredChannel)) {
            throw new MalformedEvent("data.customer.preferences.preferredChannel is not email or sms");
        }
        EventData quiet = p == null ? null : p.optionalObject("quietHours").orElse(null);
        EventData consent = p == null ? null : p.optionalObject("consent").orElse(null);
        UUID mergedInto = customer.optionalUuid("mergedInto");
        CustomerContact c = customers.byId(id);
        if (!VersionedReplicas.accepts(c, version)) {
            return id; // stale, a duplicate state, or merged or erased: nothing comes back
        }
        boolean isNew = c == null;
        if (isNew) {
            c = new CustomerContact();
            c.id = id;
        }
        c.version = version;
        c.status = status.value();
        c.displayName = displayName != null ? displayName : givenName;
        c.email = email;
        c.phone = phone;
        c.preferredChannel = preferredChannel;
        c.fallbackAllowed = p != null && p.optionalBoolean("fallbackAllowed").orElse(false);
        c.language = p == null ? null : p.optionalText("language");
        c.timeZone = p == null ? null : p.optionalZone("timeZone");
        c.quietStart = quiet == null ? null : quiet.text("start");
        c.quietEnd = quiet == null ? null : quiet.text("end");
        c.consentService = consent == null || consent.optionalBoolean("service").orElse(true);
        c.consentMarketing = consent != null && consent.optionalBoolean("marketing").orElse(false);
        c.mergedInto = mergedInto;
        c.updatedAt = ServiceClock.now(clock);
        if (status == ReplicaStatus.ERASED) {
            c.erase(c.updatedAt);
        }
        if (isNew) {
            customers.add(c);
        }
        return id;
    }

    /** {@code retired} was merged into {@code survivor}: its record points there, its issues and messages go there. */
    private void retire(UUID retired, UUID survivor) {
        CustomerContact old = customers.byId(retired);
        if (VersionedReplicas.canRetire(old)) {
            boolean isNew = old == null;
            if (isNew) {
                old = new CustomerContact();
                old.id = retired;
                old.version = -1;
            }
            old.erase(ServiceClock.now(clock));
            old.status = ReplicaStatus.MERGED.value();
            old.mergedInto = survivor;
            if (isNew) {
                customers.add(old);
            }
        }
        issues.moveToCustomer(retired, survivor);
        notifications.moveToCustomer(retired, survivor);
    }

    /** Drops the customer's personal data (a tombstone stays), suppresses what waits for them, clears what was sent. */
    private void erase(UUID id) {
        CustomerContact c = customers.byId(id);
        OffsetDateTime now = ServiceClock.now(clock);
        if (c == null) {
            c = new CustomerContact();
            c.id = id;
            c.version = -1;
            c.erase(now);
            customers.add(c);
        } else {
            if (c.email != null) {
                suppressions.remove("email", c.email);
            }
            if (c.phone != null) {
                suppressions.remove("sms", c.phone);
                longSms.forgetSender(c.phone); // the parts of an SMS of hers still waiting hold her words
            }
            c.erase(now);
        }
        // every address the customer was written to, not only the current ones, leaves the suppression list
        for (Notification n : notifications.ofCustomer(id)) {
            if (n.recipient != null && n.channel != null) {
                suppressions.remove(n.channel, n.recipient);
                if ("sms".equals(n.channel)) {
                    longSms.forgetSender(n.recipient);
                }
            }
        }
        for (Notification n : notifications.queuedFor(id)) {
            n.settle(NotificationStatus.SUPPRESSED, SuppressionReason.CUSTOMER_ERASED.text());
            // the event must not carry what was said to the customer into other services after their erasure
            n.subject = null;
            n.summary = null;
            events.published(n.state());
        }
        notifications.forgetPersonalData(id);
        issues.forgetPersonalData(id);
    }

    /** The primary entry's {@code field}, else the first one's. */
    private static String primary(List<EventData> items, String field) {
        String first = null;
        for (EventData item : items) {
            String value = item.optionalText(field);
            if (value == null) {
                continue;
            }
            if (item.optionalBoolean("primary").orElse(false)) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }
}
