package dev.anchor.blocks.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tokens for links one service puts in a message and another serves (a preferences page, a one-click unsubscribe),
 * so no service calls another to make one: {@code base64url(purpose|expiry|fields…).base64url(HMAC-SHA256)} under a
 * key both share ({@code anchor.links.secret}). The purpose is signed, so a token made for one use opens no other.
 */
public final class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SEPARATOR = "|";
    /** Longer than any token this class makes; anything longer is refused before it is decoded. */
    public static final int MAX_LENGTH = 512;

    private final SecretKeySpec key;

    public SignedLinks(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("anchor.links.secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a valid token says: the fields it was made with, in order. */
    public record Claims(String purpose, Instant expires, List<String> fields) {
        public String field(int index) {
            return fields.get(index);
        }
    }

    /** A token for {@code purpose}, valid until {@code expires}; fields must not contain {@code |}. */
    public String sign(String purpose, Instant expires, String... fields) {
        StringBuilder payload = new StringBuilder(requireClean(purpose)).append(SEPARATOR).append(expires.getEpochSecond());
        for (String field : fields) {
            payload.append(SEPARATOR).append(requireClean(field));
        }
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The claims of {@code token} when it is well formed, signed with this key for {@code purpose} and not expired. */
    public Optional<Claims> verify(String purpose, String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split("\\|", -1));
        if (parts.size() < 2 || !parts.get(0).equals(purpose)) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts.get(1)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
        if (!now.isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(purpose, expires, parts.subList(2, parts.size())));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String requireClean(String field) {
        if (field == null || field.contains(SEPARATOR)) {
            throw new IllegalArgumentException("a signed field must be present and must not contain " + SEPARATOR);
        }
        return field;
    }
}
