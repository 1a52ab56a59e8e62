package dev.anchor.customer.domain;

import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.events.EventData;
import dev.anchor.blocks.events.MalformedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps, from issue.events, which locations each customer's issues are shared with ({@link IssueShares}): the opening
 * location of {@code issue.opened} ({@code issue.locationId}), and the location {@code issue.shared} /
 * {@code issue.unshared} name ({@code change.locationId}) — a next action or booking at a place is published as
 * {@code issue.shared} too. Every other type is ignored. Runs in the inbox's transaction and reads strictly, so a
 * malformed event ({@link MalformedEvent}) changes nothing.
 */
@ApplicationScoped
public class IssueShareProjection {

    private static final Logger LOG = Logger.getLogger(IssueShareProjection.class);

    static final String OPENED = "issue.opened";
    static final String SHARED = "issue.shared";
    static final String UNSHARED = "issue.unshared";

    private final Customers customers;
    private final IssueShares shares;

    public IssueShareProjection(Customers customers, IssueShares shares) {
        this.customers = customers;
        this.shares = shares;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case OPENED -> {
                EventData issue = EventData.of(event).object("issue");
                String location = issue.optionalText("locationId");
                if (location != null) {
                    share(issue, location);
                }
            }
            case SHARED -> {
                EventData data = EventData.of(event);
                share(data.object("issue"), data.object("change").text("locationId"));
            }
            case UNSHARED -> {
                EventData data = EventData.of(event);
                shares.remove(data.object("issue").uuid("id"), data.object("change").text("locationId"));
            }
            default -> LOG.debugf("customer-service keeps no share from %s", event.type());
        }
    }

    private void share(EventData issue, String location) {
        UUID issueId = issue.uuid("id");
        UUID customerId = issue.uuid("customerId");
        // an issue of a record merged away belongs to its survivor; of an erased or unknown one nothing is kept
        holder(customerId).ifPresent(holder -> shares.add(holder.id, issueId, location));
    }

    /**
     * The active record that holds the customer's issues now, locked: an erasure or merge of it under way finishes
     * first (it locks the same row) and is then seen. The retired record is read without a lock, so this never holds
     * two rows that an erasure takes in the other order.
     */
    private Optional<Customer> holder(UUID customerId) {
        Optional<UUID> current = customers.byId(customerId)
                .map(customer -> customer.status == CustomerStatus.merged ? customer.mergedInto : customer.id);
        return current.flatMap(customers::byIdForUpdate).filter(customer -> customer.status == CustomerStatus.active);
    }
}
