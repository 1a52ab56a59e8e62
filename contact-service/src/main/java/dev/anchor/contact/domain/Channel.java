package dev.anchor.contact.domain;

/** Where an interaction happened. */
public enum Channel {
    phone, email, chat, sms, store, letter, web, social, video;

    /** The channel named {@code value}, or null when it is not one (e.g. in another service's event). */
    public static Channel parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        for (Channel channel : values()) {
            if (channel.name().equals(value)) {
                return channel;
            }
        }
        return null;
    }
}
