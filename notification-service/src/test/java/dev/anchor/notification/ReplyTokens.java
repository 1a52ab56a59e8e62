package dev.anchor.notification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The reply token as contact-service expects it, written out independently of the service's code (contact-service's
 * tests hold the same one): base32(issue id || first 10 bytes of HMAC-SHA256("reply-to|" + issue id)), lower case.
 */
final class ReplyTokens {

    static final String TEST_SECRET = "local-link-secret-change-me";

    private ReplyTokens() {
    }

    static String token(UUID issueId) {
        try {
            byte[] id = ByteBuffer.allocate(16).putLong(issueId.getMostSignificantBits())
                    .putLong(issueId.getLeastSignificantBits()).array();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TEST_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update("reply-to|".getBytes(StandardCharsets.UTF_8));
            byte[] signature = Arrays.copyOf(mac.doFinal(id), 10);
            byte[] all = ByteBuffer.allocate(26).put(id).put(signature).array();
            StringBuilder bits = new StringBuilder();
            for (byte b : all) {
                bits.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
            }
            while (bits.length() % 5 != 0) {
                bits.append('0');
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < bits.length(); i += 5) {
                out.append("abcdefghijklmnopqrstuvwxyz234567".charAt(Integer.parseInt(bits.substring(i, i + 5), 2)));
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
