package dev.anchor.contact.persistence;

import dev.anchor.contact.domain.IssueReplica;
import dev.anchor.contact.domain.IssueReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IssueReplicaRepository implements IssueReplicas {

    private final EntityManager em;

    public IssueReplicaRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public IssueReplica find(UUID id) {
        return em.find(IssueReplica.class, id);
    }

    @Override
    public void add(IssueReplica replica) {
        em.persist(replica);
    }

    @Override
    public List<IssueReplica> openOf(UUID customerId) {
        return em.createQuery("""
                        from IssueReplica i where i.customerId = :customer and i.status not in ('resolved', 'closed')
                        order by i.updatedAt desc, i.id""", IssueReplica.class)
                .setParameter("customer", customerId).getResultList();
    }

    @Override
    public List<IssueReplica> ofCustomer(UUID customerId) {
        return em.createQuery("from IssueReplica i where i.customerId = :customer order by i.number, i.id", IssueReplica.class)
                .setParameter("customer", customerId).getResultList();
    }

    @Override
    public void repoint(UUID retired, UUID survivor) {
        em.createQuery("update IssueReplica i set i.customerId = :survivor where i.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }

    @Override
    public void forget(UUID customerId) {
        em.createQuery("delete from IssueReplica i where i.customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
    }
}
