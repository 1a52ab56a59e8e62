package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.StatusTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customer's status-page tokens: 256 random bits, handed out once, kept only as their SHA-256 hash. */
@ApplicationScoped
public class StatusTokenRepository implements StatusTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private final EntityManager em;

    public StatusTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UUID> issueOfAny(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select issue_id from status_token where token_hash = ?1")
                .setParameter(1, hash(token)).getResultList();
        return rows.stream().findFirst().map(id -> (UUID) id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID issueId, OffsetDateTime now) {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("insert into status_token (token_hash, issue_id, created_at) values (?1, ?2, ?3)")
                .setParameter(1, hash(token)).setParameter(2, issueId).setParameter(3, now).executeUpdate();
        return token;
    }

    @Override
    public Optional<UUID> issueOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select issue_id from status_token where token_hash = ?1 and revoked_at is null")
                .setParameter(1, hash(token)).getResultList();
        return rows.stream().findFirst().map(id -> (UUID) id);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAll(UUID issueId, OffsetDateTime now) {
        return em.createNativeQuery("update status_token set revoked_at = ?2 where issue_id = ?1 and revoked_at is null")
                .setParameter(1, issueId).setParameter(2, now).executeUpdate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
