package dev.anchor.blocks.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.problem.Problems;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creates: the first request's result is stored in the same transaction as the
 * creation, and a replay with the same key and body returns it again without creating anything.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Duration retention;

    public IdempotentCreates(EntityManager em, ObjectMapper mapper,
                             @ConfigProperty(name = "anchor.idempotency.retention", defaultValue = "P1D") Duration retention) {
        this.em = em;
        this.mapper = mapper;
        this.retention = retention;
    }

    /**
     * Runs {@code create} once per {@code key} within {@code scope} (caller and operation), answering 201.
     * Without a key the create simply runs. Must be called inside the create's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String scope, Object request, Supplier<Created> create) {
        if (key == null) {
            return created(create.get());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw Problems.invalidField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = hash(request);
        List<?> stored = em.createNativeQuery("""
                        select request_hash, status, body, location, etag from idempotency_record
                        where scope = ?1 and request_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = (Object[]) stored.get(0);
            if (!hash.equals(row[0])) {
                throw Problems.unprocessable("Idempotency-Key " + key + " was already used for a different request");
            }
            return Response.status(((Number) row[1]).intValue())
                    .entity(row[2]).type(MediaType.APPLICATION_JSON_TYPE)
                    .location(row[3] == null ? null : URI.create((String) row[3]))
                    .header("ETag", row[4])
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        Created result = create.get();
        int inserted = em.createNativeQuery("""
                        insert into idempotency_record
                            (scope, request_key, request_hash, status, body, location, etag, subject, created_at)
                        values (?1, ?2, ?3, 201, ?4, ?5, ?6, ?7, now())
                        on conflict do nothing""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, json(result.body()))
                .setParameter(5, result.location().toString())
                .setParameter(6, ETags.of(result.version()).toString())
                .setParameter(7, result.subject())
                .executeUpdate();
        if (inserted == 0) {
            throw Problems.conflict("A request with Idempotency-Key " + key + " is being processed; retry shortly");
        }
        return created(result);
    }

    /** Drops stored responses about {@code subject}, e.g. when its personal data is erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID subject) {
        em.createNativeQuery("delete from idempotency_record where subject = ?1").setParameter(1, subject).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void expire() {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(retention)).executeUpdate();
    }

    private static Response created(Created result) {
        return Response.created(result.location()).tag(ETags.of(result.version())).entity(result.body()).build();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
