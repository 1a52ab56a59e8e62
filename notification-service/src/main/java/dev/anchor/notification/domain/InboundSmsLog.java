package dev.anchor.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The SMS replies taken from the provider, one per provider message id (kept in persistence/). */
public interface InboundSmsLog {

    /** Whether a reply with this provider message id was taken already. */
    boolean taken(String providerId);

    /**
     * Records what became of a reply ({@code customerId} and {@code issueId} may be null); false, writing nothing, when
     * one with the same provider message id was recorded first (a concurrent repeat waits for it, then gets false).
     */
    boolean record(String providerId, UUID customerId, UUID issueId, String status, OffsetDateTime receivedAt);
}
