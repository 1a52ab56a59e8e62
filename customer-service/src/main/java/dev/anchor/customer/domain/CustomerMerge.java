package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.Conflict;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.ExpectedVersion;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.customer.events.out.CustomerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Folding a duplicate record of the same person into the record that survives. */
@ApplicationScoped
public class CustomerMerge {

    private final Customers customers;
    private final IssueShares shares;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerMerge(Customers customers, IssueShares shares, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.shares = shares;
        this.events = events;
        this.clock = clock;
    }

    /** Folds {@code duplicateId} into {@code survivorId}: contact details are united, the duplicate retires. */
    @Transactional
    public Customer merge(UUID survivorId, UUID duplicateId, ExpectedVersion expected) {
        if (survivorId.equals(duplicateId)) {
            throw new Refused("A customer cannot be merged into itself");
        }
        Customer survivor = customers.active(survivorId);
        expected.check(survivor.version);
        // locked, so an issue shared with the duplicate meanwhile waits and then follows it to the survivor
        Customer duplicate = customers.byIdForUpdate(duplicateId)
                .orElseThrow(() -> new Refused("Duplicate customer " + duplicateId + " does not exist"));
        if (duplicate.status != CustomerStatus.active) {
            throw new Conflict("Customer " + duplicateId + " is " + duplicate.status + " and cannot be merged");
        }
        CustomerDraft mine = survivor.draft();
        CustomerDraft theirs = duplicate.draft();
        DraftRules.apply(survivor, new CustomerDraft(mine.givenName(), mine.familyName(),
                union(mine.emails(), notPrimary(theirs.emails(), e -> e.asPrimary(false)), e -> e.address().toLowerCase()),
                union(mine.phones(), notPrimary(theirs.phones(), p -> p.asPrimary(false)), PhoneNumber::number),
                union(mine.addresses(), notPrimary(theirs.addresses(), a -> a.asMailing(false)), a -> a.asMailing(false)),
                union(mine.externalReferences(), theirs.externalReferences(), r -> r),
                mine.preferences()));
        OffsetDateTime now = ServiceClock.now(clock);
        survivor.updatedAt = now;
        duplicate.status = CustomerStatus.merged;
        duplicate.mergedInto = survivor.id;
        duplicate.updatedAt = now;
        List<UUID> retired = new ArrayList<>(List.of(duplicate.id));
        customers.mergedInto(duplicate.id).forEach(earlier -> {
            earlier.mergedInto = survivor.id;
            retired.add(earlier.id);
        });
        // the duplicate's issues are the survivor's now, and so are the locations they are shared with
        shares.moveTo(retired, survivor.id);
        customers.flush();
        events.merged(CustomerStates.of(survivor), duplicate.id);
        return survivor;
    }

    /** The duplicate's entries never become primary or mailing. */
    private static <T> List<T> notPrimary(List<T> items, Function<T, T> demote) {
        return items.stream().map(demote).toList();
    }

    private static <T> List<T> union(List<T> mine, List<T> theirs, Function<T, Object> identity) {
        Map<Object, T> result = new LinkedHashMap<>();
        mine.forEach(item -> result.put(identity.apply(item), item));
        theirs.forEach(item -> result.putIfAbsent(identity.apply(item), item));
        return List.copyOf(result.values());
    }
}
