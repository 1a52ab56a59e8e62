package dev.anchor.contact.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplicas;
import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies customer.events to the customer replica (name, preferred channel and mailing address for the summary, the
 * email addresses as digests to recognise who writes to us) under
 * building-blocks' replica rules — the newest version wins, merged and erased are final — and carries merges and
 * erasures through everything contact-service keeps: contacts, timeline entries and issue replicas; answers a
 * subject-access export request with contact-service's part ({@link CustomerExport}). Runs in the
 * inbox's transaction and checks the event before it writes, so a malformed one ({@link MalformedEvent}) changes nothing.
 */
@ApplicationScoped
public class CustomerReplication {

    private static final Logger LOG = Logger.getLogger(CustomerReplication.class);

    private final CustomerReplicas customers;
    private final Contacts contacts;
    private final TimelineEntries timeline;
    private final IssueReplicas issues;
    private final IdempotentCreates idempotency;
    private final CustomerExport export;
    private final InboundMessages inbound;
    private final Clock clock;

    public CustomerReplication(CustomerReplicas customers, Contacts contacts, TimelineEntries timeline,
                               IssueReplicas issues, IdempotentCreates idempotency, CustomerExport export,
                               InboundMessages inbound, Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.timeline = timeline;
        this.issues = issues;
        this.idempotency = idempotency;
        this.export = export;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        EventData data = EventData.of(event);
        switch (event.type()) {
            case "customer.registered", "customer.updated", "customer.preferences-changed" ->
                    upsert(snapshot(data.object("customer")));
            case "customer.merged" -> {
                UUID survivor = data.uuid("survivorId");
                UUID retired = data.uuid("retiredId");
                Snapshot snapshot = snapshot(data.object("customer"));
                if (!survivor.equals(snapshot.id())) {
                    throw new MalformedEvent("customer.merged names survivor " + survivor + " but carries " + snapshot.id());
                }
                if (retired.equals(survivor)) {
                    throw new MalformedEvent("customer.merged retires its own survivor " + survivor);
                }
                customers.lock(List.of(survivor, retired));
                upsert(snapshot);
                retire(retired, survivor);
            }
            case "customer.erased" -> {
                List<UUID> ids = new ArrayList<>(List.of(data.uuid("customerId")));
                ids.addAll(data.uuids("mergedIds"));
                // every lock before any change: a late event or request about any of them waits, then finds them erased
                customers.lock(withMergedInto(ids));
                ids.forEach(this::erase);
            }
            case "customer.export-requested" -> export.contribute(data.uuid("exportId"), data.uuid("customerId"));
            default -> LOG.debugf("contact-service ignores %s", event.type());
        }
    }

    /** {@code ids} and the records merged into them, which their erasure erases too. */
    private List<UUID> withMergedInto(List<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        for (UUID id : ids) {
            customers.mergedInto(id).forEach(merged -> all.add(merged.id));
        }
        return all;
    }

    /** What the replica keeps of a customer's state. */
    private record Snapshot(UUID id, long version, String displayName, String preferredChannel, String mailingAddress,
                            List<String> emailDigests) {
    }

    private static Snapshot snapshot(EventData customer) {
        UUID id = customer.uuid("id");
        long version = customer.integer("version");
        String displayName = customer.optionalText("displayName");
        if (displayName == null) {
            String given = customer.optionalText("givenName");
            String family = customer.optionalText("familyName");
            displayName = given == null ? family : family == null ? given : given + " " + family;
        }
        String preferredChannel = customer.optionalObject("preferences")
                .map(preferences -> preferences.optionalText("preferredChannel")).orElse(null);
        List<String> emailDigests = customer.objects("emails").stream()
                .map(email -> EmailDigest.of(email.text("address"))).filter(java.util.Objects::nonNull).toList();
        return new Snapshot(id, version, displayName, preferredChannel, mailingAddress(customer.objects("addresses")),
                emailDigests);
    }

    /** The (last) address marked for mail, else the first one, as JSON. */
    private static String mailingAddress(List<EventData> addresses) {
        String mailing = null;
        for (EventData address : addresses) {
            if (address.optionalBoolean("mailing").orElse(false)) {
                mailing = address.json().toString();
            }
        }
        if (mailing == null && !addresses.isEmpty()) {
            mailing = addresses.get(0).json().toString();
        }
        return mailing;
    }

    private void upsert(Snapshot snapshot) {
        CustomerReplica replica = customers.find(snapshot.id());
        if (!VersionedReplicas.accepts(replica, snapshot.version())) {
            return; // erased and merged are final; an older state arriving late changes nothing
        }
        if (replica == null) {
            replica = newReplica(snapshot.id(), ReplicaStatus.ACTIVE);
        }
        replica.version = snapshot.version();
        replica.updatedAt = ServiceClock.now(clock);
        replica.displayName = snapshot.displayName();
        replica.preferredChannel = snapshot.preferredChannel();
        replica.mailingAddress = snapshot.mailingAddress();
        customers.rememberEmails(replica.id, snapshot.emailDigests());
    }

    private CustomerReplica newReplica(UUID id, ReplicaStatus status) {
        CustomerReplica replica = new CustomerReplica();
        replica.id = id;
        replica.status = status.value();
        replica.version = -1;
        replica.updatedAt = ServiceClock.now(clock);
        customers.add(replica);
        return replica;
    }

    /** The retired record now belongs to the survivor: its contacts, timeline and issues move over. */
    private void retire(UUID retired, UUID survivor) {
        CustomerReplica replica = customers.find(retired);
        if (!VersionedReplicas.canRetire(replica)) {
            return; // an erasure is never undone by a merge
        }
        if (replica == null) {
            replica = newReplica(retired, ReplicaStatus.MERGED);
        }
        replica.status = ReplicaStatus.MERGED.value();
        replica.mergedInto = survivor;
        replica.clearPersonalData();
        customers.rememberEmails(retired, List.of()); // the survivor's record carries every address it kept
        replica.updatedAt = ServiceClock.now(clock);
        contacts.repoint(retired, survivor);
        timeline.repoint(retired, survivor);
        issues.repoint(retired, survivor);
        inbound.repoint(retired, survivor);
        customers.repointMerges(retired, survivor);
    }

    /** Removes every piece of personal data about the customer; anonymised contacts keep the non-personal facts. */
    private void erase(UUID customerId) {
        CustomerReplica replica = customers.find(customerId);
        if (replica == null) {
            replica = newReplica(customerId, ReplicaStatus.ERASED);
        }
        replica.status = ReplicaStatus.ERASED.value();
        replica.mergedInto = null;
        replica.clearPersonalData();
        customers.rememberEmails(customerId, List.of());
        replica.updatedAt = ServiceClock.now(clock);
        for (Contact contact : contacts.ofCustomer(customerId)) {
            idempotency.forget(contact.id);
        }
        contacts.writeChanges();
        contacts.anonymise(customerId);
        timeline.forget(customerId);
        issues.forget(customerId);
        inbound.forget(customerId);
        for (CustomerReplica merged : customers.mergedInto(customerId)) {
            erase(merged.id);
        }
    }
}
