package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.IssueReplica;
import dev.anchor.notification.domain.IssueReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** The issue replica in PostgreSQL. */
@ApplicationScoped
public class IssueReplicaRepository implements IssueReplicas {

    private final EntityManager em;

    public IssueReplicaRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public IssueReplica byId(UUID id) {
        return em.find(IssueReplica.class, id);
    }

    @Override
    public void add(IssueReplica replica) {
        em.persist(replica);
    }

    @Override
    public void forgetPersonalData(UUID customerId) {
        em.createQuery("update IssueReplica i set i.title = null, i.statusUrl = null where i.customerId = :c")
                .setParameter("c", customerId).executeUpdate();
    }

    @Override
    public void moveToCustomer(UUID retired, UUID survivor) {
        em.createQuery("update IssueReplica i set i.customerId = :s where i.customerId = :r")
                .setParameter("s", survivor).setParameter("r", retired).executeUpdate();
    }
}
