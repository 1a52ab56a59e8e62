package dev.anchor.notification.domain;

import dev.anchor.blocks.refusal.NotFound;

import dev.anchor.blocks.http.Paging;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads notifications for the API. */
@ApplicationScoped
public class NotificationQueries {

    private final Notifications notifications;

    public NotificationQueries(Notifications notifications) {
        this.notifications = notifications;
    }

    public Notification get(UUID id) {
        Notification n = notifications.byId(id);
        if (n == null) {
            throw new NotFound("Notification", id);
        }
        return n;
    }

    /** Newest first; null filters do not filter. */
    public Paging.Page<Notification> list(UUID customerId, UUID issueId, NotificationStatus status, Paging paging) {
        return notifications.find(new Notifications.Filter(customerId, issueId, status), paging);
    }
}
