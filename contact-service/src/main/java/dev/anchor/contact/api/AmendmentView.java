package dev.anchor.contact.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.contact.domain.Caller;
import dev.anchor.contact.domain.ContactAmendment;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One entry of a contact's audit trail. {@code changes} holds each changed field's value before and after. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentView(long version, String by, OffsetDateTime at, String reason, List<String> fields,
                            @Schema(type = SchemaType.OBJECT, description = "Each changed field: {from, to}") JsonNode changes) {

    /** The amendment as {@code caller} may read it: without the internal notes' before and after for partners. */
    static AmendmentView of(ContactAmendment a, Caller caller, ObjectMapper mapper) {
        List<String> fields = Arrays.stream(a.fields.split(",")).filter(f -> !f.isEmpty()).toList();
        JsonNode changes = null;
        if (a.changes != null) {
            try {
                ObjectNode all = (ObjectNode) mapper.readTree(a.changes);
                if (!caller.seesInternal()) {
                    all.remove("internalNotes");
                }
                changes = all;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Amendment " + a.id + " has unreadable changes", e);
            }
        }
        return new AmendmentView(a.version, a.amendedBy, a.amendedAt, a.reason, fields, changes);
    }
}
