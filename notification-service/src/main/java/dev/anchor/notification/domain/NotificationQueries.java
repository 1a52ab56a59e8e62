package dev.anchor.notification.domain;

import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads notifications for the API. */
@ApplicationScoped
public class NotificationQueries {

    public static final Set<String> STATUSES = Set.of("queued", "sent", "delivered", "failed", "suppressed");
    private final EntityManager em;

    public NotificationQueries(EntityManager em) {
        this.em = em;
    }

    public NotificationView get(UUID id) {
        Notification n = em.find(Notification.class, id);
        if (n == null) {
            throw Problems.notFound("Notification", id);
        }
        return NotificationView.of(n);
    }

    public Paging.Page<NotificationView> list(UUID customerId, UUID issueId, String status, Paging paging) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (customerId != null) {
            where.add("n.customerId = :customer");
            params.put("customer", customerId);
        }
        if (issueId != null) {
            where.add("n.issueId = :issue");
            params.put("issue", issueId);
        }
        if (status != null) {
            where.add("n.status = :status");
            params.put("status", status);
        }
        String filter = " from Notification n" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        TypedQuery<Notification> select = em.createQuery("select n" + filter + " order by n.createdAt desc, n.id",
                Notification.class).setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = em.createQuery("select count(n)" + filter, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        return paging.page(select.getResultList().stream().map(NotificationView::of).toList(), count.getSingleResult());
    }
}
