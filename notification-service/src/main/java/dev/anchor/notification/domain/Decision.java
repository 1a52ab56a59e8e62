package dev.anchor.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What to do with a message, as {@link NotificationRules} decide it. */
public sealed interface Decision {

    /** The customer is not known yet: the message waits for them until {@code until}. */
    record AwaitCustomer(Instant until) implements Decision {
    }

    /**
     * Not sent, for {@code reason} (about {@code subject}, e.g. the category without consent); {@code channel} is the
     * channel chosen, when the rules got that far.
     */
    record Suppress(SuppressionReason reason, String subject, Channels.Choice channel) implements Decision {

        public static Suppress of(SuppressionReason reason) {
            return new Suppress(reason, null, null);
        }

        /** The reason as stored: {@code no-consent:service}. */
        public String text() {
            return reason.text(subject);
        }

        /** Whether the message is rendered all the same: the customer is known and may be written to. */
        public boolean rendered() {
            return reason != SuppressionReason.UNKNOWN_CUSTOMER && reason != SuppressionReason.CUSTOMER_MERGED
                    && reason != SuppressionReason.CUSTOMER_ERASED;
        }
    }

    /** Goes out now ({@code at}), on {@code channel}; combined with the waiting messages of {@code digest} when not null. */
    record SendNow(Instant at, Channels.Choice channel, Digest digest) implements Decision {
    }

    /** Queued until {@code at} for {@code reason}, on {@code channel}; combined with {@code digest} when not null. */
    record HoldUntil(Instant at, HoldReason reason, Channels.Choice channel, Digest digest) implements Decision {
    }

    /**
     * The message absorbs these waiting ones (oldest first) and tells all their changes; it takes the most critical
     * category of them all and is urgent when one of them is.
     */
    record Digest(List<UUID> absorbed, Template.Category category, boolean urgent) {
    }
}
