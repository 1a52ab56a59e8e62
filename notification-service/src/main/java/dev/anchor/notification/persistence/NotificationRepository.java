package dev.anchor.notification.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.notification.domain.HoldReason;
import dev.anchor.notification.domain.Notification;
import dev.anchor.notification.domain.NotificationStatus;
import dev.anchor.notification.domain.Notifications;
import dev.anchor.notification.domain.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Notifications in PostgreSQL. The native queries spell {@code status = 'queued'} as a literal, so the partial indexes
 * on queued rows ({@code notification_due}, {@code notification_awaiting}) apply.
 */
@ApplicationScoped
public class NotificationRepository implements Notifications {

    private static final String AWAITING = HoldReason.AWAITING_CUSTOMER.text();
    private static final List<NotificationStatus> LIVE =
            List.of(NotificationStatus.QUEUED, NotificationStatus.SENT, NotificationStatus.DELIVERED);

    private final EntityManager em;

    public NotificationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Notification byId(UUID id) {
        return em.find(Notification.class, id);
    }

    @Override
    public Notification byProviderId(String providerId) {
        return em.createQuery("from Notification n where n.providerId = :p", Notification.class)
                .setParameter("p", providerId).getResultStream().findFirst().orElse(null);
    }

    @Override
    public void reload(Notification n) {
        em.refresh(n);
    }

    @Override
    public List<Notification> ofCustomer(UUID customerId) {
        return em.createQuery("from Notification n where n.customerId = :id order by n.createdAt desc, n.id",
                Notification.class).setParameter("id", customerId).getResultList();
    }

    @Override
    public UUID latestIssueId(UUID customerId, String channel) {
        return em.createQuery("""
                select n.issueId from Notification n where n.customerId = :customer and n.issueId is not null
                order by case when n.channel = :channel then 0 else 1 end, n.createdAt desc, n.id""", UUID.class)
                .setParameter("customer", customerId).setParameter("channel", channel).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    @Override
    public void add(Notification notification) {
        if (!em.contains(notification)) {
            em.persist(notification);
        }
    }

    @Override
    public boolean decided(UUID triggerEventId, UUID customerId) {
        return em.createQuery("select count(n) from Notification n where n.triggerEventId = :e and n.customerId = :c",
                Long.class).setParameter("e", triggerEventId).setParameter("c", customerId).getSingleResult() > 0;
    }

    @Override
    public List<Notification> heldFor(Set<UUID> customerIds) {
        return em.createQuery("""
                from Notification n where n.status = :queued and n.reason = :awaiting and n.customerId in :ids
                order by n.createdAt""", Notification.class)
                .setParameter("queued", NotificationStatus.QUEUED).setParameter("awaiting", AWAITING)
                .setParameter("ids", customerIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> heldToReview(OffsetDateTime now, int limit) {
        return em.createNativeQuery("""
                select n.id from notification n where n.status = 'queued' and n.reason = :awaiting
                and (n.due_at <= :now or exists (select 1 from customer_contact c where c.id = n.customer_id))
                order by n.due_at limit :limit for update of n skip locked""", UUID.class)
                .setParameter("awaiting", AWAITING).setParameter("now", now).setParameter("limit", limit)
                .getResultList();
    }

    @Override
    public List<Notification> othersAboutTheIssue(Notification n) {
        return em.createQuery("""
                from Notification o where o.issueId = :issue and o.customerId = :customer and o.id <> :self
                and o.triggerType <> :contact and o.status in :live
                order by o.createdAt""", Notification.class)
                .setParameter("issue", n.issueId).setParameter("customer", n.customerId).setParameter("self", n.id)
                .setParameter("contact", Template.CONTACT_SUMMARY.eventType).setParameter("live", LIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public List<Notification> queuedFor(UUID customerId) {
        return em.createQuery("from Notification n where n.customerId = :id and n.status = :queued", Notification.class)
                .setParameter("id", customerId).setParameter("queued", NotificationStatus.QUEUED).getResultList();
    }

    @Override
    public void moveToCustomer(UUID retired, UUID survivor) {
        em.createQuery("update Notification n set n.customerId = :s where n.customerId = :r")
                .setParameter("s", survivor).setParameter("r", retired).executeUpdate();
    }

    @Override
    public void forgetPersonalData(UUID customerId) {
        em.createQuery("""
                update Notification n set n.recipient = null, n.bodyText = null, n.bodyHtml = null, n.smsText = null,
                n.lastError = null, n.parts = null, n.subject = null, n.summary = null,
                n.reason = case when n.status = :failed then null else n.reason end, n.version = n.version + 1
                where n.customerId = :id""")
                .setParameter("failed", NotificationStatus.FAILED).setParameter("id", customerId).executeUpdate();
    }

    @Override
    public Paging.Page<Notification> find(Filter filter, Paging paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.customerId() != null) {
            where.add("n.customerId = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.issueId() != null) {
            where.add("n.issueId = :issue");
            params.put("issue", filter.issueId());
        }
        if (filter.status() != null) {
            where.add("n.status = :status");
            params.put("status", filter.status());
        }
        String from = " from Notification n" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        TypedQuery<Notification> select = em.createQuery("select n" + from + " order by n.createdAt desc, n.id",
                Notification.class).setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = em.createQuery("select count(n)" + from, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        List<UUID> ids = em.createNativeQuery("""
                select id from notification where status = 'queued' and due_at <= :now
                and reason is distinct from :awaiting
                order by due_at limit :limit for update skip locked""", UUID.class)
                .setParameter("awaiting", AWAITING).setParameter("now", now).setParameter("limit", limit)
                .getResultList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                    update notification set due_at = :lease, attempts = attempts + 1, version = version + 1
                    where id = any(:ids)""")
                    .setParameter("lease", leaseUntil).setParameter("ids", ids.toArray(UUID[]::new)).executeUpdate();
        }
        return ids;
    }
}
