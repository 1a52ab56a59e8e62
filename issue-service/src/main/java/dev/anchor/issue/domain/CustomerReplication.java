package dev.anchor.issue.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.replica.VersionedReplicas;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.issue.events.out.IssueChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies customer.events to the replica by the rules of {@link VersionedReplicas} (the newest state wins by version,
 * merged and erased are final); a merge moves the retired customer's issues to the survivor, and an erasure takes the
 * customer's personal data out of the replica and of their issues ({@link CustomerErasure}).
 */
@ApplicationScoped
public class CustomerReplication {

    private static final Logger LOG = Logger.getLogger(CustomerReplication.class);

    private final CustomerReplicas customers;
    private final CustomerLocks locks;
    private final Issues issues;
    private final IssueJournal journal;
    private final CustomerErasure erasure;
    private final IssueExport export;
    private final Clock clock;

    public CustomerReplication(CustomerReplicas customers, CustomerLocks locks, Issues issues, IssueJournal journal,
                               CustomerErasure erasure, IssueExport export, Clock clock) {
        this.customers = customers;
        this.locks = locks;
        this.issues = issues;
        this.journal = journal;
        this.erasure = erasure;
        this.export = export;
        this.clock = clock;
    }

    /** Applies one event of customer.events; one that breaks its contract throws {@code MalformedEvent}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case "customer.registered", "customer.updated", "customer.preferences-changed" ->
                    upsert(EventData.of(event).object("customer"));
            case "customer.merged" -> merged(EventData.of(event));
            case "customer.erased" -> erased(EventData.of(event));
            case "customer.export-requested" -> export.contribute(EventData.of(event));
            default -> LOG.debugf("ignores %s", event.type());
        }
    }

    private void upsert(EventData customer) {
        UUID id = customer.uuid("id");
        long version = customer.integer("version");
        ReplicaStatus status = customer.constant("status", ReplicaStatus.class);
        EventData preferences = customer.optionalObject("preferences").orElse(null);
        UUID mergedInto = customer.optionalUuid("mergedInto");
        CustomerReplica replica = locks.lockCustomer(id);
        if (!VersionedReplicas.accepts(replica, version)) {
            return;
        }
        boolean isNew = replica == null;
        if (isNew) {
            replica = new CustomerReplica();
            replica.id = id;
        }
        replica.status = status.value();
        replica.displayName = customer.optionalText("displayName");
        replica.language = preferences == null ? null : preferences.optionalText("language");
        replica.timeZone = preferences == null ? null : preferences.optionalZone("timeZone");
        replica.mergedInto = mergedInto;
        replica.version = version;
        replica.updatedAt = ServiceClock.now(clock);
        if (isNew) {
            customers.add(replica);
        }
    }

    private void merged(EventData data) {
        UUID survivorId = data.uuid("survivorId");
        UUID retiredId = data.uuid("retiredId");
        locks.lockCustomers(List.of(survivorId, retiredId));
        upsert(data.object("customer"));
        CustomerReplica retired = customers.byId(retiredId);
        if (!VersionedReplicas.canRetire(retired)) {
            return;
        }
        OffsetDateTime now = ServiceClock.now(clock);
        if (retired == null) {
            retired = placeholder(retiredId, ReplicaStatus.MERGED, now);
        }
        retired.status = ReplicaStatus.MERGED.value();
        retired.mergedInto = survivorId;
        retired.updatedAt = now;
        for (Issue issue : issues.ofCustomer(retiredId)) {
            issue.customerId = survivorId;
            issue.updatedAt = now;
            journal.record(issue, Actor.system(), new IssueChange.CustomerChanged(retiredId, survivorId),
                    IssueJournal.Entry.internally("Customer record merged into " + survivorId, null));
        }
    }

    private void erased(EventData data) {
        List<UUID> ids = new ArrayList<>();
        ids.add(data.uuid("customerId"));
        ids.addAll(data.uuids("mergedIds"));
        OffsetDateTime now = ServiceClock.now(clock);
        // The lock every writer of text about these customers takes first (CustomerLocks): none slips past the erasure.
        locks.lockCustomers(ids);
        for (UUID id : ids) {
            CustomerReplica replica = customers.byId(id);
            if (replica == null) {
                replica = placeholder(id, ReplicaStatus.ERASED, now);
            }
            replica.status = ReplicaStatus.ERASED.value();
            replica.displayName = null;
            replica.language = null;
            replica.timeZone = null;
            replica.updatedAt = now;
        }
        // Their issues stay (numbers, statuses, dates, owners keep the figures right) without what was said about them.
        for (UUID id : ids) {
            erasure.eraseIssuesOf(id, now);
        }
    }

    /** A customer first heard of through a merge or an erasure: only its final status is known. */
    private CustomerReplica placeholder(UUID id, ReplicaStatus status, OffsetDateTime now) {
        CustomerReplica replica = new CustomerReplica();
        replica.id = id;
        replica.status = status.value();
        replica.version = -1;
        replica.updatedAt = now;
        customers.add(replica);
        return replica;
    }
}
