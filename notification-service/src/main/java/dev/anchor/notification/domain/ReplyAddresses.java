package dev.anchor.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.UUID;

/**
 * The {@code Reply-To} of every email: the organisation's mailbox ({@code anchor.mail.reply-address}), plus-addressed
 * with an opaque token of the issue — {@code care+<token>@anchor.local} — so contact-service, which reads that mailbox,
 * knows which issue a reply answers without trusting anything a sender could guess or change.
 * <p>
 * The token is {@code base32(issue id (16 bytes) || the first 10 bytes of HMAC-SHA256("reply-to|" + issue id))}, 42
 * lower-case characters (mail servers may fold the case of a local part), under {@code anchor.links.secret}, which
 * contact-service shares. It does not expire: a customer may answer months later. building-blocks' {@code SignedLinks}
 * tokens are too long for the 64 characters a local part may have. contact-service's {@code ReplyTokens} verifies it;
 * both belong next to {@code SignedLinks} once building-blocks can change.
 */
@ApplicationScoped
public class ReplyAddresses {

    static final String PURPOSE = "reply-to|";
    static final int MAC_BYTES = 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;
    private final String local;
    private final String domain;

    public ReplyAddresses(Links.Config links, MailSettings mail) {
        this.key = new SecretKeySpec(links.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String address = mail.replyAddress().strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.substring(0, at).contains("+")) {
            throw new IllegalArgumentException("anchor.mail.reply-address must be a plain address such as care@anchor.local");
        }
        this.local = address.substring(0, at);
        this.domain = address.substring(at + 1);
    }

    /** Where a reply about {@code issueId} goes; the bare mailbox for a message about no issue. */
    public String replyTo(UUID issueId) {
        return issueId == null ? local + "@" + domain : local + "+" + token(issueId) + "@" + domain;
    }

    String token(UUID issueId) {
        ByteBuffer id = ByteBuffer.allocate(16).putLong(issueId.getMostSignificantBits())
                .putLong(issueId.getLeastSignificantBits());
        byte[] bytes = ByteBuffer.allocate(16 + MAC_BYTES).put(id.array()).put(mac(id.array()), 0, MAC_BYTES).array();
        return base32(bytes);
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(PURPOSE.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** RFC 4648 base32 without padding, lower case. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
