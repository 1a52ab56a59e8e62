package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.FormTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;

/** The status page's one-time form tokens: 128 random bits, kept only as their SHA-256 hash. */
@ApplicationScoped
public class FormTokenRepository implements FormTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 16;

    private final EntityManager em;

    public FormTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(String statusToken, OffsetDateTime expiresAt) {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("insert into status_form_token (token_hash, status_token_hash, expires_at) values (?1, ?2, ?3)")
                .setParameter(1, StatusTokenRepository.hash(token))
                .setParameter(2, StatusTokenRepository.hash(statusToken))
                .setParameter(3, expiresAt).executeUpdate();
        return token;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean redeem(String statusToken, String formToken, OffsetDateTime now) {
        if (formToken == null || formToken.isEmpty() || formToken.length() > 100) {
            return false;
        }
        // A concurrent second submission waits on the row lock and then deletes nothing.
        return em.createNativeQuery("""
                        delete from status_form_token
                        where token_hash = ?1 and status_token_hash = ?2 and expires_at > ?3""")
                .setParameter(1, StatusTokenRepository.hash(formToken))
                .setParameter(2, StatusTokenRepository.hash(statusToken))
                .setParameter(3, now).executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int expire(OffsetDateTime now) {
        return em.createNativeQuery("delete from status_form_token where expires_at <= ?1").setParameter(1, now)
                .executeUpdate();
    }
}
