package dev.anchor.notification.domain;

import dev.anchor.blocks.http.Paging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every notification (kept in persistence/). */
public interface Notifications {

    /** The notification, or null when there is none. */
    Notification byId(UUID id);

    /** The notification the provider knows by {@code providerId}, or null. */
    Notification byProviderId(String providerId);

    /** Reads {@code n} again as committed now (after taking its customer's lock). */
    void reload(Notification n);

    /** Every notification of the customer, newest first. */
    List<Notification> ofCustomer(UUID customerId);

    /**
     * The issue of the customer's newest message on {@code channel} that is about one, else of her newest message
     * about one on any channel; null when none is.
     */
    UUID latestIssueId(UUID customerId, String channel);

    /** Stores a new notification; one already stored is kept up to date by the transaction anyway. */
    void add(Notification notification);

    /** Whether the event already made a notification for the customer (one event, at most one per customer). */
    boolean decided(UUID triggerEventId, UUID customerId);

    /** The messages held for one of these customers, oldest first, locked. */
    List<Notification> heldFor(Set<UUID> customerIds);

    /**
     * Up to {@code limit} messages held for their customer that can be decided now: the wait is over at {@code now}, or
     * the customer is known by now. Locked; rows another transaction holds are skipped.
     */
    List<UUID> heldToReview(OffsetDateTime now, int limit);

    /**
     * The other live messages (queued, sent or delivered) about {@code n}'s issue to {@code n}'s customer, contact
     * summaries aside, oldest first, locked against the dispatcher.
     */
    List<Notification> othersAboutTheIssue(Notification n);

    /** The queued messages of the customer. */
    List<Notification> queuedFor(UUID customerId);

    /** Everything of {@code retired} goes to {@code survivor} (a merge). */
    void moveToCustomer(UUID retired, UUID survivor);

    /**
     * Clears recipients, bodies, subjects, summaries, errors, parts and a failure's reason (free text that may quote
     * the address or the provider's report) of every notification of the customer (an erasure); their versions move
     * on, so a writer that read one before cannot write it back.
     */
    void forgetPersonalData(UUID customerId);

    /** What the API filters by; null members do not filter. */
    record Filter(UUID customerId, UUID issueId, NotificationStatus status) {
    }

    /** One page, newest first. */
    Paging.Page<Notification> find(Filter filter, Paging paging);

    /**
     * Claims up to {@code limit} messages due at {@code now} (never those held for their customer): each attempt is
     * counted and leased until {@code leaseUntil}. Rows another transaction holds are skipped.
     */
    List<UUID> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit);
}
