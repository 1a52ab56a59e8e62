package dev.anchor.contact.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.contact.domain.TimelineEntries;
import dev.anchor.contact.domain.TimelineEntry;
import dev.anchor.contact.domain.TimelineFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TimelineEntryRepository implements TimelineEntries {

    private final EntityManager em;

    public TimelineEntryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineEntry find(UUID id) {
        return em.find(TimelineEntry.class, id);
    }

    @Override
    public void add(TimelineEntry entry) {
        em.persist(entry);
    }

    @Override
    public Paging.Page<TimelineEntry> page(TimelineFilter filter, Paging paging) {
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
        String scope = ScopeQueries.timeline(filter.scope(), params);
        if (scope != null) {
            where.add(scope);
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

    @Override
    public List<TimelineEntry> ofCustomer(UUID customerId) {
        return em.createQuery("from TimelineEntry t where t.customerId = :customer order by t.occurredAt, t.id",
                TimelineEntry.class).setParameter("customer", customerId).getResultList();
    }

    @Override
    public void repoint(UUID retired, UUID survivor) {
        em.createQuery("update TimelineEntry t set t.customerId = :survivor where t.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }

    @Override
    public void forget(UUID customerId) {
        em.createQuery("delete from TimelineEntry t where t.customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
    }
}
