package dev.anchor.system.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.system.journey.RunningSuite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens as {@code ./suite token} mints them (RS256 with the suite's key in {@code .suite/run/keys/}), and
 * every wrong one: expired, another issuer, signed by an unknown key, a broken signature, {@code alg: none}, no
 * roles, not a JWT at all. Minted here because {@code ./suite token} only makes good ones.
 */
final class Tokens {

    static final String ISSUER = "https://anchor.local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey suiteKey;
    private final PrivateKey strangerKey;

    Tokens() throws IOException, GeneralSecurityException {
        Path pem = RunningSuite.ROOT.resolve(".suite/run/keys/private.pem");
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        suiteKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        strangerKey = generator.generateKeyPair().getPrivate();
    }

    String valid(String role) {
        return sign(claims(role, ISSUER, 0), suiteKey, "RS256");
    }

    /** The wrong callers of an operation that needs a role, by name: the Authorization header each sends. */
    Map<String, String> wrongAuthorizations() {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("no token", null);
        wrong.put("empty bearer", "Bearer ");
        wrong.put("malformed token", "Bearer not.a.jwt");
        wrong.put("garbage token", "Bearer " + "%%%" + UUID.randomUUID());
        wrong.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes(StandardCharsets.UTF_8)));
        wrong.put("expired token", "Bearer " + sign(claims("supervisor", ISSUER, -7200), suiteKey, "RS256"));
        wrong.put("wrong issuer", "Bearer " + sign(claims("supervisor", "https://evil.example", 0), suiteKey, "RS256"));
        wrong.put("unknown signing key", "Bearer " + sign(claims("supervisor", ISSUER, 0), strangerKey, "RS256"));
        String good = valid("supervisor");
        wrong.put("broken signature", "Bearer " + good.substring(0, good.length() - 6) + "AAAAAA");
        wrong.put("alg none", "Bearer " + unsigned(claims("supervisor", ISSUER, 0)));
        ObjectNode noGroups = claims("supervisor", ISSUER, 0);
        noGroups.remove("groups");
        wrong.put("no roles", "Bearer " + sign(noGroups, suiteKey, "RS256"));
        wrong.put("oversized token", "Bearer " + "a".repeat(20_000));
        return wrong;
    }

    /** A token with a role, partners with a location (partner tokens without one are refused everywhere). */
    String withRole(String role) {
        ObjectNode claims = claims(role, ISSUER, 0);
        if (role.equals("partner")) {
            claims.put("location", "store-trust");
        }
        return sign(claims, suiteKey, "RS256");
    }

    private static ObjectNode claims(String role, String issuer, long shiftSeconds) {
        long now = Instant.now().getEpochSecond() + shiftSeconds;
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", issuer).put("sub", "trust." + role).put("upn", "trust." + role);
        claims.putArray("groups").add(role);
        claims.put("iat", now).put("exp", now + 3600).put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(ObjectNode claims, PrivateKey key, String alg) {
        try {
            String input = part("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + part(claims.toString());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(ObjectNode claims) {
        return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims.toString()) + ".";
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
