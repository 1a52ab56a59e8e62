package dev.anchor.notification.domain;

import java.util.function.BiPredicate;

/** The channel for a message: the preferred one, or the other only when the customer allows fallback. */
public final class Channels {

    /**
     * The channel to use and the fallback allowed later; or, when {@code refused} is set, the preferred channel and
     * why nothing can be sent on either.
     */
    public record Choice(String channel, String fallback, SuppressionReason refused) {

        /** The suppression reason as stored ({@code no-address:sms}), or null when a channel is usable. */
        public String reason() {
            return refused == null ? null : refused.text(channel);
        }
    }

    private Channels() {
    }

    public static String address(CustomerContact c, String channel) {
        return "sms".equals(channel) ? c.phone : c.email;
    }

    public static String other(String channel) {
        return "sms".equals(channel) ? "email" : "sms";
    }

    /** @param suppressed whether (channel, address) bounced or complained */
    public static Choice choose(CustomerContact c, String defaultChannel, BiPredicate<String, String> suppressed) {
        String preferred = c.preferredChannel == null ? defaultChannel : c.preferredChannel;
        String other = other(preferred);
        boolean preferredUsable = usable(c, preferred, suppressed);
        boolean otherUsable = c.fallbackAllowed && usable(c, other, suppressed);
        if (preferredUsable) {
            return new Choice(preferred, otherUsable ? other : null, null);
        }
        if (otherUsable) {
            return new Choice(other, null, null);
        }
        return new Choice(preferred, null, address(c, preferred) == null
                ? SuppressionReason.NO_ADDRESS : SuppressionReason.ADDRESS_SUPPRESSED);
    }

    static boolean usable(CustomerContact c, String channel, BiPredicate<String, String> suppressed) {
        String address = address(c, channel);
        return address != null && !suppressed.test(channel, address);
    }
}
