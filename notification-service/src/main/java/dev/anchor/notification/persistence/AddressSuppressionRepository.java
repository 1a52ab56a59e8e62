package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.AddressSuppression;
import dev.anchor.notification.domain.AddressSuppressions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Suppressed addresses in PostgreSQL. */
@ApplicationScoped
public class AddressSuppressionRepository implements AddressSuppressions {

    private final EntityManager em;

    public AddressSuppressionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean contains(String channel, String address) {
        // the persistence context first: a suppression recorded earlier in this transaction counts
        return em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address)) != null;
    }

    @Override
    public AddressSuppression find(String channel, String address) {
        return em.find(AddressSuppression.class, new AddressSuppression.Key(channel, address));
    }

    @Override
    public void add(AddressSuppression suppression) {
        em.persist(suppression);
    }

    @Override
    public void remove(String channel, String address) {
        em.createQuery("delete from AddressSuppression s where s.key.channel = :c and s.key.address = :a")
                .setParameter("c", channel).setParameter("a", address).executeUpdate();
    }
}
