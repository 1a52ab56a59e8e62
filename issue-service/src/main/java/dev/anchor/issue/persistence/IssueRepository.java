package dev.anchor.issue.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueQuery;
import dev.anchor.issue.domain.IssueStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IssueRepository implements PanacheRepositoryBase<Issue, UUID> {

    /** Not done, and a next action past due or an SLA clock run out (clocks stand still while paused). */
    static final String OVERDUE = "(i.status not in (:done) and ((i.nextDueAt < :now) or (i.slaPausedAt is null and "
            + "((i.firstResponseAt is null and i.firstResponseDueAt < :now) or i.resolutionDueAt < :now))))";

    public Optional<Issue> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public boolean numberTaken(String number) {
        return count("number", number) > 0;
    }

    public Issue lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Paging.Page<Issue> search(IssueQuery query, Paging paging, OffsetDateTime now) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (query.customerId() != null) {
            where.add("i.customerId = :customer");
            params.put("customer", query.customerId());
        }
        if (query.ownerId() != null) {
            where.add("i.ownerId = :owner");
            params.put("owner", query.ownerId());
        }
        if (query.status() != null) {
            where.add("i.status = :status");
            params.put("status", query.status());
        }
        if (query.locationId() != null) {
            where.add("i.locationId = :location");
            params.put("location", query.locationId());
        }
        if (query.overdue() != null) {
            where.add(query.overdue() ? OVERDUE : "not " + OVERDUE);
            params.put("done", List.of(IssueStatus.resolved, IssueStatus.closed));
            params.put("now", now);
        }
        String filter = " from Issue i where " + String.join(" and ", where);
        TypedQuery<Issue> select = getEntityManager()
                .createQuery("select i" + filter + " order by i.openedAt desc, i.id", Issue.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = getEntityManager().createQuery("select count(i)" + filter, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    /** Issues whose next action is past due and not yet announced. */
    public List<Issue> overdueNextActions(OffsetDateTime now, int limit) {
        return find("status not in ?1 and nextDueAt < ?2 and nextOverdueRaised = false",
                List.of(IssueStatus.resolved, IssueStatus.closed), now).page(0, limit).list();
    }

    /** Issues with a running SLA clock that ran out and was not yet announced. */
    public List<Issue> slaBreaches(OffsetDateTime now, int limit) {
        return find("status not in ?1 and slaPausedAt is null and ("
                        + "(firstResponseAt is null and firstResponseDueAt < ?2 and firstResponseBreachRaised = false) "
                        + "or (resolutionDueAt < ?2 and resolutionBreachRaised = false))",
                List.of(IssueStatus.resolved, IssueStatus.closed), now).page(0, limit).list();
    }

    public List<Issue> ofCustomer(UUID customerId) {
        return list("customerId", customerId);
    }
}
