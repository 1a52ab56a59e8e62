package dev.anchor.issue.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.issue.domain.Location;
import dev.anchor.issue.domain.LocationStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** The directory of stores and repair centres. */
@ApplicationScoped
public class LocationRepository implements LocationStore, PanacheRepositoryBase<Location, String> {

    @Override
    public Location byId(String id) {
        return findById(id);
    }

    @Override
    public void lockId(String id) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('location:' || ?1))")
                .setParameter(1, id).getSingleResult();
    }

    @Override
    public void add(Location location) {
        persist(location);
    }

    @Override
    public void flush() {
        getEntityManager().flush();
    }

    @Override
    public Paging.Page<Location> list(Paging paging) {
        var query = findAll(Sort.by("id"));
        return paging.page(query.range(paging.offset(), paging.offset() + paging.size() - 1).list(), count());
    }
}
