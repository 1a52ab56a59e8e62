package dev.anchor.notification.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/**
 * How our email presents itself ({@code anchor.mail.*}): the domain of its Message-IDs and thread ids, the sender's
 * name (per language, with a default) and the organisation whose identity and contact details every message's footer
 * carries (the phone is also how a customer changes an appointment).
 */
@ConfigMapping(prefix = "anchor.mail")
public interface MailSettings {

    /** The right-hand side of {@code Message-ID <notificationId@domain>} and of the thread id {@code <issue-id@domain>}. */
    @WithDefault("anchor.local")
    String domain();

    /**
     * The organisation's mailbox that replies go to (contact-service reads it): every email's {@code Reply-To} is it,
     * plus-addressed with the token ({@link ReplyAddresses}).
     */
    @WithDefault("care@anchor.local")
    String replyAddress();

    /** The sender's display name when its language has none of its own ({@code language.<lang>.from-name}). */
    @WithDefault("Anchor customer care")
    String fromName();

    /** Per language ({@code en}, {@code de}, {@code fr}): what differs from the defaults. */
    Map<String, LanguageSettings> language();

    Organisation organisation();

    interface LanguageSettings {
        Optional<String> fromName();
    }

    interface Organisation {
        @WithDefault("Anchor")
        String name();

        @WithDefault("+44 20 7946 0000")
        String phone();

        @WithDefault("care@anchor.local")
        String email();

        @WithDefault("https://anchor.local")
        String web();
    }

    /** The sender's name in {@code language}. */
    default String fromName(String language) {
        LanguageSettings own = language().get(language);
        return own == null ? fromName() : own.fromName().filter(n -> !n.isBlank()).orElse(fromName());
    }
}
