package dev.anchor.issue.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The customer's status-page tokens: random, handed out once, kept only as their hash (in persistence/). */
public interface StatusTokens {

    /** A new token for {@code issueId}; the raw token is returned and never stored. */
    String issue(UUID issueId, OffsetDateTime now);

    /** The issue a valid, unrevoked token grants. */
    Optional<UUID> issueOf(String token);

    /** The issue a token named once, revoked or not (to answer a dead link in its customer's language). */
    Optional<UUID> issueOfAny(String token);

    /** Revokes every link to the issue; returns how many were live. */
    int revokeAll(UUID issueId, OffsetDateTime now);
}
