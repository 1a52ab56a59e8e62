package dev.anchor.issue.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.issue.domain.Issue;
import dev.anchor.issue.domain.IssueFilter;
import dev.anchor.issue.domain.IssueStatus;
import dev.anchor.issue.domain.Issues;
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
public class IssueRepository implements Issues, PanacheRepositoryBase<Issue, UUID> {

    /** Not done, and a next action past due or an SLA clock run out (clocks stand still while paused). */
    static final String OVERDUE = "(i.status not in (:done) and ((i.nextDueAt < :now) or (i.slaPausedAt is null and "
            + "((i.firstResponseAt is null and i.firstResponseDueAt < :now) or i.resolutionDueAt < :now))))";

    @Override
    public Issue byId(UUID id) {
        return findById(id);
    }

    @Override
    public Optional<Issue> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    @Override
    public boolean numberTaken(String number) {
        return count("number", number) > 0;
    }

    @Override
    public Issue lock(UUID id) {
        Issue issue = findById(id);
        if (issue != null) {
            // read again under the lock: a writer this one waited for (an erasure) may have changed it meanwhile
            getEntityManager().refresh(issue, LockModeType.PESSIMISTIC_WRITE);
        }
        return issue;
    }

    @Override
    public void add(Issue issue) {
        persist(issue);
    }

    @Override
    public void flush() {
        getEntityManager().flush();
    }

    @Override
    public Paging.Page<Issue> search(IssueFilter filter, Paging paging, OffsetDateTime now) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (filter.customerId() != null) {
            where.add("i.customerId = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.ownerId() != null) {
            where.add("i.ownerId = :owner");
            params.put("owner", filter.ownerId());
        }
        if (filter.status() != null) {
            where.add("i.status = :status");
            params.put("status", filter.status());
        }
        if (filter.locationId() != null) {
            where.add(":location member of i.locations"); // Issue.isSharedWith, as a query
            params.put("location", filter.locationId());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? OVERDUE : "not " + OVERDUE);
            params.put("done", List.of(IssueStatus.resolved, IssueStatus.closed));
            params.put("now", now);
        }
        String from = " from Issue i where " + String.join(" and ", where);
        TypedQuery<Issue> select = getEntityManager()
                .createQuery("select i" + from + " order by i.openedAt desc, i.id", Issue.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = getEntityManager().createQuery("select count(i)" + from, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    @Override
    public List<Issue> overdueNextActions(OffsetDateTime now, int limit) {
        return find("status not in ?1 and nextDueAt < ?2 and nextOverdueRaised = false",
                List.of(IssueStatus.resolved, IssueStatus.closed), now).page(0, limit).list();
    }

    @Override
    public List<Issue> slaBreaches(OffsetDateTime now, int limit) {
        return find("status not in ?1 and slaPausedAt is null and ("
                        + "(firstResponseAt is null and firstResponseDueAt < ?2 and firstResponseBreachRaised = false) "
                        + "or (resolutionDueAt < ?2 and resolutionBreachRaised = false))",
                List.of(IssueStatus.resolved, IssueStatus.closed), now).page(0, limit).list();
    }

    @Override
    public List<Issue> dueToClose(OffsetDateTime now, int limit) {
        return find("status = ?1 and closesAt < ?2", IssueStatus.resolved, now).page(0, limit).list();
    }

    @Override
    public List<Issue> ofCustomer(UUID customerId) {
        return list("customerId", customerId);
    }
}
