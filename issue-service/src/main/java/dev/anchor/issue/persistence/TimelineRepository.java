package dev.anchor.issue.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.issue.domain.TimelineEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, Long> {

    /** An issue's trail, oldest first; only public entries unless {@code withInternal}. */
    public Paging.Page<TimelineEntry> of(UUID issueId, boolean withInternal, Paging paging) {
        var query = withInternal
                ? find("issueId", Sort.ascending("position"), issueId)
                : find("issueId = ?1 and visibility = 'public'", Sort.ascending("position"), issueId);
        return paging.page(query.page(paging.page(), paging.size()).list(), query.count());
    }

    public List<TimelineEntry> publicOf(UUID issueId) {
        return list("issueId = ?1 and visibility = 'public'", Sort.ascending("position"), issueId);
    }

    public boolean recorded(UUID entryId) {
        return count("id", entryId) > 0;
    }
}
