package dev.anchor.contact.persistence;

import dev.anchor.contact.domain.EmailAttachment;
import dev.anchor.contact.domain.EmailFiles;
import dev.anchor.contact.domain.InboundAttachments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The files of inbound emails, in {@code inbound_attachment}; the bytes are read only when a file is downloaded. */
@ApplicationScoped
public class InboundAttachmentRepository implements InboundAttachments {

    private static final String COLUMNS =
            "id, inbound_message_id, position, file_name, declared_type, media_type, size_bytes, sha256, status, reason";

    private final EntityManager em;

    public InboundAttachmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(List<EmailFiles.Checked> files) {
        if (files.isEmpty()) {
            return;
        }
        em.flush(); // the message they belong to is written first
        for (EmailFiles.Checked file : files) {
            EmailAttachment a = file.attachment();
            em.createNativeQuery("insert into inbound_attachment (" + COLUMNS + ", content) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), ?8, ?9, ?10, cast(?11 as bytea))")
                    .setParameter(1, a.id()).setParameter(2, a.messageId()).setParameter(3, a.position())
                    .setParameter(4, a.fileName()).setParameter(5, a.declaredType()).setParameter(6, a.mediaType())
                    .setParameter(7, a.size()).setParameter(8, a.sha256()).setParameter(9, a.status().name())
                    .setParameter(10, a.reason()).setParameter(11, file.content()).executeUpdate();
        }
    }

    @Override
    public Map<UUID, List<EmailAttachment>> ofMessages(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from inbound_attachment "
                        + "where inbound_message_id in (:ids) order by inbound_message_id, position")
                .setParameter("ids", List.copyOf(messageIds)).getResultList();
        return rows.stream().map(row -> attachment((Object[]) row))
                .collect(Collectors.groupingBy(EmailAttachment::messageId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public Optional<EmailAttachment> kept(UUID messageId, UUID attachmentId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from inbound_attachment where id = ?1 "
                        + "and inbound_message_id = ?2 and status = 'kept' and content is not null")
                .setParameter(1, attachmentId).setParameter(2, messageId).getResultList();
        return rows.stream().findFirst().map(row -> attachment((Object[]) row));
    }

    @Override
    public Optional<EmailAttachment> keptOfContact(UUID contactId, UUID attachmentId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from inbound_attachment where id = ?1 "
                        + "and status = 'kept' and content is not null "
                        + "and inbound_message_id in (select id from inbound_message where contact_id = ?2)")
                .setParameter(1, attachmentId).setParameter(2, contactId).getResultList();
        return rows.stream().findFirst().map(row -> attachment((Object[]) row));
    }

    @Override
    public byte[] content(UUID attachmentId) {
        return (byte[]) em.createNativeQuery("select content from inbound_attachment where id = ?1")
                .setParameter(1, attachmentId).getSingleResult();
    }

    @Override
    public void deleteOf(UUID messageId) {
        em.createNativeQuery("delete from inbound_attachment where inbound_message_id = ?1")
                .setParameter(1, messageId).executeUpdate();
    }

    private static EmailAttachment attachment(Object[] row) {
        return new EmailAttachment((UUID) row[0], (UUID) row[1], ((Number) row[2]).intValue(), (String) row[3],
                (String) row[4], (String) row[5], row[6] == null ? null : ((Number) row[6]).longValue(),
                (String) row[7], EmailAttachment.Status.valueOf((String) row[8]), (String) row[9]);
    }
}
