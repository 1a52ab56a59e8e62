package dev.anchor.customer.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.customer.domain.ExportJob;
import dev.anchor.customer.domain.ExportJobs;
import dev.anchor.customer.domain.ReceivedPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExportJobRepository implements ExportJobs {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ExportJobRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Override
    public void add(ExportJob job) {
        em.persist(job);
        em.flush();
    }

    @Override
    public Optional<ExportJob> byId(UUID id) {
        return Optional.ofNullable(em.find(ExportJob.class, id));
    }

    @Override
    public boolean addPart(UUID exportId, String service, JsonNode part, OffsetDateTime receivedAt) {
        // the key (export, service) makes a second part, even one arriving concurrently, change nothing
        return em.createNativeQuery("""
                        insert into export_part (export_id, service, part, received_at)
                        values (?1, ?2, cast(?3 as jsonb), ?4)
                        on conflict (export_id, service) do nothing""")
                .setParameter(1, exportId).setParameter(2, service).setParameter(3, json(part))
                .setParameter(4, receivedAt)
                .executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ReceivedPart> parts(UUID exportId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select service, part::text as part, received_at from export_part
                        where export_id = ?1 order by received_at, service""")
                .setParameter(1, exportId)
                .unwrap(NativeQuery.class)
                .addScalar("service", String.class)
                .addScalar("part", String.class)
                .addScalar("received_at", OffsetDateTime.class)
                .getResultList();
        return rows.stream().map(row -> new ReceivedPart((String) row[0], tree((String) row[1]), (OffsetDateTime) row[2]))
                .toList();
    }

    @Override
    public void deleteFor(Collection<UUID> customerIds) {
        // parts go with their job (on delete cascade)
        em.createQuery("delete from ExportJob where customerId in :customers")
                .setParameter("customers", customerIds).executeUpdate();
    }

    @Override
    public int deleteRequestedBefore(OffsetDateTime cutoff) {
        return em.createQuery("delete from ExportJob where requestedAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    private String json(JsonNode part) {
        try {
            return mapper.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An export part cannot be written as JSON", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored export part is not JSON", e);
        }
    }
}
