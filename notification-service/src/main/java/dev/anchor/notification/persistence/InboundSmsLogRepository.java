package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.InboundSmsLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The inbound_sms table in PostgreSQL. */
@ApplicationScoped
public class InboundSmsLogRepository implements InboundSmsLog {

    private final EntityManager em;

    public InboundSmsLogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean taken(String providerId) {
        return !em.createNativeQuery("select 1 from inbound_sms where provider_id = :id")
                .setParameter("id", providerId).getResultList().isEmpty();
    }

    @Override
    public boolean record(String providerId, UUID customerId, UUID issueId, String status, OffsetDateTime receivedAt) {
        // on conflict do nothing: two deliveries of one reply at once never fail, the second simply writes nothing
        return em.createNativeQuery("""
                insert into inbound_sms (provider_id, customer_id, issue_id, status, received_at)
                values (:id, :customer, :issue, :status, :at) on conflict (provider_id) do nothing""")
                .setParameter("id", providerId).setParameter("customer", customerId).setParameter("issue", issueId)
                .setParameter("status", status).setParameter("at", receivedAt).executeUpdate() == 1;
    }
}
