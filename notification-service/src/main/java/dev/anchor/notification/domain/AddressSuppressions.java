package dev.anchor.notification.domain;

import java.util.HashSet;
import java.util.Set;

/** The addresses not written to again (kept in persistence/). */
public interface AddressSuppressions {

    boolean contains(String channel, String address);

    /** The suppression of {@code address}, or null when it is not suppressed. */
    AddressSuppression find(String channel, String address);

    void add(AddressSuppression suppression);

    void remove(String channel, String address);

    /** Which of the customer's addresses are suppressed. */
    default Set<AddressSuppression.Key> of(CustomerContact c) {
        Set<AddressSuppression.Key> suppressed = new HashSet<>();
        for (String channel : new String[]{"email", "sms"}) {
            String address = Channels.address(c, channel);
            if (address != null && contains(channel, address)) {
                suppressed.add(new AddressSuppression.Key(channel, address));
            }
        }
        return suppressed;
    }
}
