package dev.anchor.issue.domain;

import java.time.OffsetDateTime;

/**
 * One-time tokens for the status page's forms (in persistence/): each rendered form carries a fresh random token,
 * kept only as its hash with the status link it was rendered for and an expiry; a submission redeems it once.
 */
public interface FormTokens {

    /** A new form token for the page of {@code statusToken}, accepted until {@code expiresAt}. */
    String issue(String statusToken, OffsetDateTime expiresAt);

    /**
     * Redeems {@code formToken} for {@code statusToken}: true exactly once for a token issued for that link and not
     * expired at {@code now}; false for a used, expired, foreign or made-up one.
     */
    boolean redeem(String statusToken, String formToken, OffsetDateTime now);

    /** Forgets tokens that expired before {@code now}; answers how many. */
    int expire(OffsetDateTime now);
}
