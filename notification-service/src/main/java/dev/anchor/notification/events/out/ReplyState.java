package dev.anchor.notification.events.out;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer's reply as notification.reply-received carries it (docs/events/notification.reply-received.schema.json):
 * who wrote, about which issue if we know it, and her words; never her number. A null issueId is left out.
 */
@RegisterForReflection // serialised by Jackson into the outbox, outside a REST return type (native image)
public record ReplyState(
        UUID id,
        UUID customerId,
        UUID issueId,
        String channel,
        String text,
        OffsetDateTime receivedAt,
        String providerMessageId) {
}
