package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.CustomerContact;
import dev.anchor.notification.domain.CustomerContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The customer replica in PostgreSQL. */
@ApplicationScoped
public class CustomerContactRepository implements CustomerContacts {

    /** The first key of every customer's advisory lock in notification-service's database. */
    private static final int CUSTOMER_LOCKS = 0x43555354; // "CUST"

    private final EntityManager em;

    public CustomerContactRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public CustomerContact byId(UUID id) {
        return em.find(CustomerContact.class, id);
    }

    @Override
    public void add(CustomerContact contact) {
        em.persist(contact);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> activeWithPhone(String number) {
        // 'active' as a literal, so the partial index customer_contact_phone applies
        return em.createNativeQuery(
                "select id from customer_contact where phone = :phone and status = 'active' order by id", UUID.class)
                .setParameter("phone", number).getResultList();
    }

    @Override
    public void lock(Collection<UUID> ids) {
        // a transaction-scoped advisory lock exists for a customer without a row; the two-key form keeps customer
        // locks apart from the outbox relay's single-key one; keys in ascending order, so no two writers deadlock
        ids.stream().mapToInt(UUID::hashCode).distinct().sorted().forEach(key ->
                em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                        .setParameter(1, CUSTOMER_LOCKS).setParameter(2, key).getSingleResult());
    }
}
