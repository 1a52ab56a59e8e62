package dev.anchor.issue.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.issue.domain.ActorRole;
import dev.anchor.issue.domain.TimelineEntries;
import dev.anchor.issue.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements TimelineEntries, PanacheRepositoryBase<TimelineEntry, Long> {

    @Override
    public Paging.Page<TimelineEntry> of(UUID issueId, boolean withInternal, Paging paging) {
        var query = withInternal
                ? find("issueId", Sort.ascending("position"), issueId)
                : find("issueId = ?1 and visibility = 'public'", Sort.ascending("position"), issueId);
        return paging.page(query.page(paging.page(), paging.size()).list(), query.count());
    }

    @Override
    public List<TimelineEntry> publicOf(UUID issueId) {
        return list("issueId = ?1 and visibility = 'public'", Sort.ascending("position"), issueId);
    }

    @Override
    public List<TimelineEntry> allOf(UUID issueId) {
        return list("issueId", Sort.ascending("position"), issueId);
    }

    @Override
    public Optional<OffsetDateTime> lastAt(UUID issueId, String kind, ActorRole role) {
        return find("issueId = ?1 and kind = ?2 and actorRole = ?3", Sort.descending("position"), issueId, kind,
                role.name()).firstResultOptional().map(entry -> entry.at);
    }

    @Override
    public void add(TimelineEntry entry) {
        persist(entry);
    }

    /** One statement per issue; the append-only trigger (V2) accepts exactly this change, once per entry. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(UUID issueId, List<String> keepSummaryOf, String erased, OffsetDateTime now) {
        getEntityManager().flush();
        return getEntityManager().createNativeQuery("""
                        update issue_entry set erased_at = :now, detail = null,
                            facts = case when jsonb_exists(facts, 'place') then null else facts end,
                            actor_name = case when actor_role = 'customer' then null else actor_name end,
                            summary = case when kind in (:fixed) then summary else :erased end
                        where issue_id = :issue and erased_at is null""")
                .setParameter("issue", issueId).setParameter("now", now)
                .setParameter("fixed", keepSummaryOf).setParameter("erased", erased)
                .executeUpdate();
    }
}
