package dev.anchor.contact.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One entry of a contact's audit trail. {@code changes} holds each changed field's value before and after. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmendmentView(long version, String by, OffsetDateTime at, String reason, List<String> fields,
                            @Schema(type = SchemaType.OBJECT, description = "Each changed field: {from, to}") JsonNode changes) {
}
