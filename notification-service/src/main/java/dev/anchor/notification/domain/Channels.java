package dev.anchor.notification.domain;

import java.util.function.BiPredicate;

/** The channel for a message: the preferred one, or the other only when the customer allows fallback. */
public final class Channels {

    public record Choice(String channel, String fallback, String reason) {
    }

    private Channels() {
    }

    public static String address(CustomerContact c, String channel) {
        return "sms".equals(channel) ? c.phone : c.email;
    }

    public static String other(String channel) {
        return "sms".equals(channel) ? "email" : "sms";
    }

    /**
     * @param suppressed whether (channel, address) bounced or complained
     * @return the channel to use and the fallback allowed later, or a reason to suppress
     */
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
        String address = address(c, preferred);
        return new Choice(preferred, null, address == null ? "no-address:" + preferred : "address-suppressed:" + preferred);
    }

    static boolean usable(CustomerContact c, String channel, BiPredicate<String, String> suppressed) {
        String address = address(c, channel);
        return address != null && !suppressed.test(channel, address);
    }
}
