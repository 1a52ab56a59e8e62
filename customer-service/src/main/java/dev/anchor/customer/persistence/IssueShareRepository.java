package dev.anchor.customer.persistence;

import dev.anchor.customer.domain.CustomerStatus;
import dev.anchor.customer.domain.IssueShares;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class IssueShareRepository implements IssueShares {

    private final EntityManager em;

    public IssueShareRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(UUID customerId, UUID issueId, String locationId) {
        // the key (issue, location) makes a repeat change nothing; the record holding the issue now is the one kept
        em.createNativeQuery("""
                        insert into issue_share (issue_id, location_id, customer_id) values (?1, ?2, ?3)
                        on conflict (issue_id, location_id) do update set customer_id = excluded.customer_id""")
                .setParameter(1, issueId).setParameter(2, locationId).setParameter(3, customerId)
                .executeUpdate();
    }

    @Override
    public void remove(UUID issueId, String locationId) {
        em.createNativeQuery("delete from issue_share where issue_id = ?1 and location_id = ?2")
                .setParameter(1, issueId).setParameter(2, locationId).executeUpdate();
    }

    @Override
    public void moveTo(Collection<UUID> customerIds, UUID survivor) {
        em.createQuery("update IssueShare set customerId = :survivor where customerId in :customers")
                .setParameter("survivor", survivor).setParameter("customers", customerIds).executeUpdate();
    }

    @Override
    public void deleteFor(Collection<UUID> customerIds) {
        em.createQuery("delete from IssueShare where customerId in :customers")
                .setParameter("customers", customerIds).executeUpdate();
    }

    @Override
    public boolean sharedWith(UUID customerId, String locationId) {
        return em.createQuery("select count(c) from Customer c where c.id = :id and c.status = :active and "
                        + ShareQueries.SHARED_WITH_LOCATION, Long.class)
                .setParameter("id", customerId).setParameter("active", CustomerStatus.active)
                .setParameter("location", locationId)
                .getSingleResult() > 0;
    }
}
