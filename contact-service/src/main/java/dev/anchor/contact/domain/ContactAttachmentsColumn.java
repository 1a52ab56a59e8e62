package dev.anchor.contact.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.contact.events.out.ContactState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** A contact's attachments as one JSON column: a contact is written and read whole, with its files' metadata. */
@Converter
public class ContactAttachmentsColumn implements AttributeConverter<List<ContactState.Attachment>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ContactState.Attachment>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ContactState.Attachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contact's attachments cannot be written as JSON", e);
        }
    }

    @Override
    public List<ContactState.Attachment> convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        try {
            return List.copyOf(JSON.readValue(column, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contact's stored attachments are unreadable", e);
        }
    }
}
