package dev.anchor.notification.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * notification-service's part of a subject-access export: how it reaches the customer and what they agreed to, every
 * message sent or held for them (or decided against) with its delivery, and their addresses it no longer writes to.
 * An erased customer's part keeps only what happened, never what was said or where.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // written by Jackson into the outbox (native image)
public record NotificationsPart(
        UUID customerId,
        boolean erased,
        Preferences preferences,
        List<Message> messages,
        List<SuppressedAddress> suppressedAddresses) {

    /** The customer's contact details and preferences, as notification-service last heard them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Preferences(String name, String email, String phone, String preferredChannel,
                              boolean fallbackAllowed, String language, String timeZone, String quietHoursStart,
                              String quietHoursEnd, boolean serviceMessages, boolean marketingMessages) {
    }

    /**
     * One message: on which channel to which address, what it said, when, and what became of it — {@code status}
     * (queued, sent, delivered, failed, suppressed), {@code reason} (why it waits, was not sent or failed), attempts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Message(String issueNumber, String about, String channel, String address, String subject,
                          String text, String sms, String summary, String status, String reason, int attempts,
                          OffsetDateTime createdAt, OffsetDateTime dueAt, OffsetDateTime sentAt,
                          OffsetDateTime deliveredAt) {
    }

    /** An address of theirs that bounced or complained, so nothing more is sent to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record SuppressedAddress(String channel, String address, String reason, OffsetDateTime since) {
    }
}
