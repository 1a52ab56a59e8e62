package dev.anchor.contact.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.contact.domain.CustomerReplica;
import dev.anchor.contact.domain.IssueReplica;
import dev.anchor.contact.domain.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The replicas and timeline entries fed by other services' events. */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager em;

    public ReadModelRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<CustomerReplica> customer(UUID id) {
        return Optional.ofNullable(em.find(CustomerReplica.class, id));
    }

    public Optional<IssueReplica> issue(UUID id) {
        return Optional.ofNullable(em.find(IssueReplica.class, id));
    }

    public Optional<TimelineEntry> entry(UUID id) {
        return Optional.ofNullable(em.find(TimelineEntry.class, id));
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public List<IssueReplica> openIssues(UUID customerId) {
        return em.createQuery("""
                        from IssueReplica i where i.customerId = :customer and i.status not in ('resolved', 'closed')
                        order by i.updatedAt desc, i.id""", IssueReplica.class)
                .setParameter("customer", customerId).getResultList();
    }

    /** Filters of a timeline; null means any. {@code partnerLocation} hides internal entries and other locations' contacts. */
    public record Filter(UUID customerId, String kind, String channel, UUID issueId, String partnerLocation) {
    }

    public Paging.Page<TimelineEntry> timeline(Filter filter, Paging paging) {
        List<String> where = new ArrayList<>(List.of("t.customerId = :customer"));
        Map<String, Object> params = new HashMap<>(Map.of("customer", filter.customerId()));
        if (filter.kind() != null) {
            where.add("t.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.channel() != null) {
            where.add("t.channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.issueId() != null) {
            where.add("t.issueId = :issue");
            params.put("issue", filter.issueId());
        }
        if (filter.partnerLocation() != null) {
            where.add("t.internal = false and (t.kind <> 'contact' or t.locationId = :location)");
            params.put("location", filter.partnerLocation());
        }
        String from = " from TimelineEntry t where " + String.join(" and ", where);
        TypedQuery<TimelineEntry> select = em
                .createQuery("select t" + from + " order by t.occurredAt desc, t.id desc", TimelineEntry.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = em.createQuery("select count(t)" + from, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    /** Everything of a retired (merged) customer now belongs to the survivor. */
    public void repoint(UUID retired, UUID survivor) {
        em.createQuery("update TimelineEntry t set t.customerId = :survivor where t.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
        em.createQuery("update IssueReplica i set i.customerId = :survivor where i.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
        em.createQuery("update CustomerReplica c set c.mergedInto = :survivor where c.mergedInto = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }

    /** Drops everything personal the read model holds about a customer. */
    public void forget(UUID customerId) {
        em.createQuery("delete from TimelineEntry t where t.customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
        em.createQuery("delete from IssueReplica i where i.customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
    }

    public List<CustomerReplica> mergedInto(UUID customerId) {
        return em.createQuery("from CustomerReplica c where c.mergedInto = :customer", CustomerReplica.class)
                .setParameter("customer", customerId).getResultList();
    }
}
