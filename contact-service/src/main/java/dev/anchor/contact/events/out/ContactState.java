package dev.anchor.contact.events.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A contact as contact.events carries it: no internal notes, ever. Channel, direction and outcome are their names, so
 * the published contract does not depend on the domain's enums. {@code attachments}: the kept files of the email
 * that made the contact, absent when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // written by Jackson into the outbox, not as a REST return type (native image)
public record ContactState(
        UUID id,
        UUID customerId,
        UUID issueId,
        String channel,
        String direction,
        String agentId,
        String locationId,
        OffsetDateTime occurredAt,
        Integer durationSeconds,
        String summary,
        boolean summaryRequested,
        String outcome,
        long version,
        String origin,
        String subject,
        List<Attachment> attachments) {

    /** A file the customer's email brought, as published: what it is, never its bytes (staff download those). */
    @RegisterForReflection
    public record Attachment(UUID id, String fileName, String mediaType, long size) {
    }
}
