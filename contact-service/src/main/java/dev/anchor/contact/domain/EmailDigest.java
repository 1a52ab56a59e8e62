package dev.anchor.contact.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How contact-service knows a customer's email address without keeping it: the SHA-256 of the address, stripped and in
 * lower case. Enough to recognise who wrote to the organisation's address; nothing to write to.
 */
public final class EmailDigest {

    private EmailDigest() {
    }

    /** The digest of {@code address}; null when there is no address. */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
