package dev.anchor.notification.domain;

import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.replica.ReplicaStatus;
import dev.anchor.blocks.time.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the issue replica from issue.events: the newest state by version (its customer followed through merges), and
 * the status-page link, which only issue.opened carries.
 */
@ApplicationScoped
public class IssueReplication {

    private final IssueReplicas issues;
    private final CustomerContacts customers;
    private final Clock clock;

    public IssueReplication(IssueReplicas issues, CustomerContacts customers, Clock clock) {
        this.issues = issues;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Brings the replica up to the state {@code issue} of an event of {@code type}.
     *
     * @return the owner (token subject) the replica named before, null when none or the issue was not known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String apply(String type, EventData issue, EventData change) {
        UUID id = issue.uuid("id");
        long version = issue.integer("version");
        UUID customerId = issue.uuid("customerId");
        EventData owner = issue.optionalObject("owner").orElse(null);
        // the link messages carry: the first, then each further one (the latest works even when older ones were revoked)
        String statusUrl = "issue.opened".equals(type) || "issue.status-link-issued".equals(type)
                ? change.optionalText("statusUrl") : null;
        IssueReplica r = issues.byId(id);
        String ownerBefore = r == null ? null : r.ownerId;
        boolean isNew = r == null;
        if (isNew) {
            r = new IssueReplica();
            r.id = id;
            r.version = -1;
        }
        Optional<CustomerContact> customer = customers.resolve(customerId);
        // an erased customer's issue keeps its number and state, never what it says
        boolean erased = customer.map(c -> c.replicaStatus() == ReplicaStatus.ERASED).orElse(false);
        if (statusUrl != null && !erased) {
            r.statusUrl = statusUrl;
        }
        if (version > r.version) {
            r.version = version;
            r.number = issue.optionalText("number");
            r.customerId = customer.map(c -> c.id).orElse(customerId);
            r.title = erased ? null : issue.optionalText("title");
            r.status = issue.optionalText("status");
            r.statusLabel = issue.optionalText("customerStatusLabel");
            r.priority = issue.optionalText("priority");
            r.ownerName = owner == null ? null : owner.optionalText("displayName");
            r.ownerId = owner == null ? null : owner.optionalText("id");
        }
        r.updatedAt = ServiceClock.now(clock);
        if (isNew) {
            issues.add(r);
        }
        return ownerBefore;
    }
}
