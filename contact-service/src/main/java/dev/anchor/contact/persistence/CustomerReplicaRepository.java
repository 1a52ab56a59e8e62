package dev.anchor.contact.persistence;

import dev.anchor.contact.domain.CustomerReplica;
import dev.anchor.contact.domain.CustomerReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements CustomerReplicas {

    private final EntityManager em;

    public CustomerReplicaRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public CustomerReplica find(UUID id) {
        return em.find(CustomerReplica.class, id);
    }

    @Override
    public void add(CustomerReplica replica) {
        em.persist(replica);
    }

    @Override
    public List<CustomerReplica> mergedInto(UUID survivor) {
        return em.createQuery("from CustomerReplica c where c.mergedInto = :customer", CustomerReplica.class)
                .setParameter("customer", survivor).getResultList();
    }

    @Override
    public void repointMerges(UUID retired, UUID survivor) {
        em.createQuery("update CustomerReplica c set c.mergedInto = :survivor where c.mergedInto = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }
}
