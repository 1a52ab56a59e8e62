package dev.anchor.issue.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.issue.persistence.CustomerReplicaRepository;
import dev.anchor.issue.persistence.IssueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies customer.events to the replica: the newest state wins by version, merged and erased are final, and a
 * merge moves the retired customer's issues to the survivor; an erasure takes the customer's personal data out of the
 * replica and of their issues ({@link CustomerErasure}).
 */
@ApplicationScoped
public class CustomerReplicas {

    private static final Logger LOG = Logger.getLogger(CustomerReplicas.class);

    private final CustomerReplicaRepository customers;
    private final IssueRepository issues;
    private final IssueJournal journal;
    private final CustomerErasure erasure;

    public CustomerReplicas(CustomerReplicaRepository customers, IssueRepository issues, IssueJournal journal,
                            CustomerErasure erasure) {
        this.customers = customers;
        this.issues = issues;
        this.journal = journal;
        this.erasure = erasure;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        JsonNode data = event.data() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : event.data();
        try {
            switch (event.type()) {
                case "customer.registered", "customer.updated", "customer.preferences-changed" -> upsert(data.path("customer"));
                case "customer.merged" -> merged(data);
                case "customer.erased" -> erased(data);
                default -> LOG.debugf("ignores %s", event.type());
            }
        } catch (IllegalArgumentException e) {
            LOG.errorf("skips %s %s with unreadable data: %s", event.type(), event.id(), e.getMessage());
        }
    }

    private CustomerReplica upsert(JsonNode customer) {
        UUID id = UUID.fromString(customer.path("id").asText());
        long version = customer.path("version").asLong();
        CustomerReplica replica = customers.findById(id);
        if (replica != null && (replica.version >= version || !replica.isActive())) {
            return replica;
        }
        boolean isNew = replica == null;
        if (isNew) {
            replica = new CustomerReplica();
            replica.id = id;
        }
        replica.status = customer.path("status").asText(CustomerReplica.ACTIVE);
        replica.displayName = text(customer, "displayName");
        replica.language = text(customer.path("preferences"), "language");
        replica.timeZone = text(customer.path("preferences"), "timeZone");
        replica.mergedInto = customer.hasNonNull("mergedInto") ? UUID.fromString(customer.path("mergedInto").asText()) : null;
        replica.version = version;
        replica.updatedAt = Clocks.now();
        if (isNew) {
            customers.persist(replica);
        }
        return replica;
    }

    private void merged(JsonNode data) {
        UUID survivorId = UUID.fromString(data.path("survivorId").asText());
        UUID retiredId = UUID.fromString(data.path("retiredId").asText());
        UUID.fromString(data.path("customer").path("id").asText());
        upsert(data.path("customer"));
        CustomerReplica retired = customers.findById(retiredId);
        if (retired != null && CustomerReplica.ERASED.equals(retired.status)) {
            return;
        }
        if (retired == null) {
            retired = placeholder(retiredId, CustomerReplica.MERGED);
        }
        retired.status = CustomerReplica.MERGED;
        retired.mergedInto = survivorId;
        retired.updatedAt = Clocks.now();
        for (Issue issue : issues.ofCustomer(retiredId)) {
            issue.customerId = survivorId;
            issue.updatedAt = Clocks.now();
            journal.record(issue, Actor.system(), "issue.customer-changed", new Changes.CustomerChanged(retiredId, survivorId),
                    IssueJournal.Entry.internally("Customer record merged into " + survivorId, null));
        }
    }

    private void erased(JsonNode data) {
        List<UUID> ids = new ArrayList<>();
        ids.add(UUID.fromString(data.path("customerId").asText()));
        data.path("mergedIds").forEach(id -> ids.add(UUID.fromString(id.asText())));
        // Everything parsed before anything is written: an unreadable event changes nothing.
        for (UUID id : ids) {
            CustomerReplica replica = customers.findById(id);
            if (replica == null) {
                replica = placeholder(id, CustomerReplica.ERASED);
            }
            replica.status = CustomerReplica.ERASED;
            replica.displayName = null;
            replica.language = null;
            replica.timeZone = null;
            replica.updatedAt = Clocks.now();
        }
        // Their issues stay (numbers, statuses, dates, owners keep the figures right) without what was said about them.
        for (UUID id : ids) {
            erasure.eraseIssuesOf(id, Clocks.now());
        }
    }

    /** A customer first heard of through a merge or an erasure: only its final status is known. */
    private CustomerReplica placeholder(UUID id, String status) {
        CustomerReplica replica = new CustomerReplica();
        replica.id = id;
        replica.status = status;
        replica.version = -1;
        replica.updatedAt = Clocks.now();
        customers.persist(replica);
        return replica;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
