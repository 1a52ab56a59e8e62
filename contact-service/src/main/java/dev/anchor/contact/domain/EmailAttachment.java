package dev.anchor.contact.domain;

import dev.anchor.contact.events.out.ContactState;

import java.util.UUID;

/**
 * A file that came with an inbound email, without its bytes: the sanitised name, the type detected from the bytes,
 * size and SHA-256 (hex), and whether it was kept or refused (and why). Name and hash are gone after an erasure.
 */
public record EmailAttachment(UUID id, UUID messageId, int position, String fileName, String declaredType,
                              String mediaType, Long size, String sha256, Status status, String reason) {

    /** Kept with its bytes, or refused without them. */
    public enum Status { kept, refused }

    public static final String NOT_ALLOWED_TYPE = "not-allowed-type";
    public static final String TOO_LARGE = "too-large";
    public static final String TOO_MANY = "too-many";
    public static final String UNREADABLE = "unreadable";

    public boolean kept() {
        return status == Status.kept;
    }

    /** What contact.logged tells of a kept file: never its bytes. */
    public ContactState.Attachment published() {
        return new ContactState.Attachment(id, fileName, mediaType, size == null ? 0 : size);
    }
}
