package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.CustomerContact;
import dev.anchor.notification.domain.CustomerContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** The customer replica in PostgreSQL. */
@ApplicationScoped
public class CustomerContactRepository implements CustomerContacts {

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
}
