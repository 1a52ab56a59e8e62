package dev.anchor.contact.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The files that came with inbound emails, their bytes kept with them (in persistence/). */
public interface InboundAttachments {

    /** Stores the files of a message stored in this transaction (the kept ones with their bytes). */
    void add(List<EmailFiles.Checked> files);

    /** The files of each of the messages, in the order they came, without bytes. */
    Map<UUID, List<EmailAttachment>> ofMessages(Collection<UUID> messageIds);

    /** One kept file of the message that still has its bytes; empty otherwise. */
    Optional<EmailAttachment> kept(UUID messageId, UUID attachmentId);

    /** One kept file of the message that made the contact, still with its bytes; empty otherwise. */
    Optional<EmailAttachment> keptOfContact(UUID contactId, UUID attachmentId);

    /** The bytes of a file {@link #kept} found. */
    byte[] content(UUID attachmentId);

    /** Deletes the files of a message that is ignored after all. */
    void deleteOf(UUID messageId);
}
