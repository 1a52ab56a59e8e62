package dev.anchor.blocks.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Remembers which events a consumer applied, so a redelivered event changes nothing. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims {@code eventId} for {@code consumer} in the caller's transaction.
     * @return true the first time; false when the event was already applied and must be skipped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                        insert into inbox_message (consumer, event_id, applied_at) values (?1, ?2, now())
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
