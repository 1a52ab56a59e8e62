package dev.anchor.issue.domain;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;

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

    /** A token that looks like any other and is never stored, so it never redeems. */
    static String unredeemable() {
        byte[] random = new byte[16]; // as many as a stored one
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Forgets tokens that expired before {@code now}; answers how many. */
    int expire(OffsetDateTime now);
}
