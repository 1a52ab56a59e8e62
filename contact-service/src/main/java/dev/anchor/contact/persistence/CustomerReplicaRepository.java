package dev.anchor.contact.persistence;

import dev.anchor.contact.domain.CustomerReplica;
import dev.anchor.contact.domain.CustomerReplicas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements CustomerReplicas {

    /** The first key of every customer's advisory lock in contact-service's database. */
    private static final int CUSTOMER_LOCKS = 0x43555354; // "CUST"

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
    public void lock(Collection<UUID> ids) {
        // a transaction-scoped advisory lock exists for a customer without a row; the two-key form keeps customer
        // locks apart from the outbox relay's single-key one; keys in ascending order, so no two writers deadlock
        ids.stream().mapToInt(UUID::hashCode).distinct().sorted().forEach(key ->
                em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                        .setParameter(1, CUSTOMER_LOCKS).setParameter(2, key).getSingleResult());
    }

    @Override
    public void rememberEmails(UUID customerId, Collection<String> digests) {
        em.createNativeQuery("delete from customer_email where customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
        digests.stream().distinct().forEach(digest ->
                em.createNativeQuery("insert into customer_email (address_digest, customer_id) values (?1, ?2)")
                        .setParameter(1, digest).setParameter(2, customerId).executeUpdate());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> withEmail(String digest) {
        return em.createNativeQuery("select customer_id from customer_email where address_digest = ?1", UUID.class)
                .setParameter(1, digest).getResultList();
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
