package dev.anchor.blocks.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Real signed JWTs for tests: a key pair made for this JVM, its public key handed to the service under test.
 * Nothing is committed and nothing is mocked: the service verifies signature, issuer and expiry as in production.
 */
public class TestJwt implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://anchor.local";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
    }

    @Override
    public void stop() {
    }

    /** A valid token for {@code subject} with {@code role}. */
    public static String token(String role, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(3600).sign(KEYS.getPrivate());
    }

    public static String token(String role, String subject, Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.sign(KEYS.getPrivate());
    }

    /** Signed by our key but expired an hour ago. */
    public static String expired(String role, String subject) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(past).expiresAt(past.plusSeconds(3600)).sign(KEYS.getPrivate());
    }

    /** Well-formed and unexpired, but signed by a key the service does not trust. */
    public static String forged(String role, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(3600).sign(STRANGER.getPrivate());
    }

    /** Signed by our key but from another issuer. */
    public static String wrongIssuer(String role, String subject) {
        return Jwt.issuer("https://elsewhere.example").subject(subject).upn(subject).groups(Set.of(role)).expiresIn(3600)
                .sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
