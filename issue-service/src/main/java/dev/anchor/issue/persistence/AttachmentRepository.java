package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.Attachment;
import dev.anchor.issue.domain.Attachments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The files sent with issues, in {@code issue_attachment}; the bytes are read only when a file is downloaded. */
@ApplicationScoped
public class AttachmentRepository implements Attachments {

    private static final String COLUMNS =
            "id, issue_id, customer_id, file_name, media_type, size_bytes, sha256, uploaded_by, created_at, channel, contact_id";

    private final EntityManager em;

    public AttachmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Attachment a, byte[] content) {
        // what a file has no value for is left out, never bound as null (a null parameter carries no SQL type)
        boolean here = a.bytesHere();
        var query = em.createNativeQuery("insert into issue_attachment (id, issue_id, customer_id, file_name, media_type, "
                        + "size_bytes, uploaded_by, created_at, channel, " + (here ? "sha256, content" : "contact_id")
                        + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10" + (here ? ", ?11)" : ")"))
                .setParameter(1, a.id()).setParameter(2, a.issueId()).setParameter(3, a.customerId())
                .setParameter(4, a.fileName()).setParameter(5, a.mediaType()).setParameter(6, a.size())
                .setParameter(7, a.uploadedBy()).setParameter(8, a.createdAt()).setParameter(9, a.channel())
                .setParameter(10, here ? a.sha256() : a.contactId());
        if (here) {
            query.setParameter(11, content);
        }
        query.executeUpdate();
    }

    @Override
    public List<Attachment> ofIssue(UUID issueId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from issue_attachment where issue_id = ?1 "
                + "order by created_at, id").setParameter(1, issueId).getResultList();
        return rows.stream().map(row -> attachment((Object[]) row)).toList();
    }

    @Override
    public long countOf(UUID issueId) {
        return ((Number) em.createNativeQuery("select count(*) from issue_attachment where issue_id = ?1")
                .setParameter(1, issueId).getSingleResult()).longValue();
    }

    @Override
    public Optional<Attachment> find(UUID issueId, UUID attachmentId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from issue_attachment where issue_id = ?1 and id = ?2")
                .setParameter(1, issueId).setParameter(2, attachmentId).getResultList();
        return rows.stream().findFirst().map(row -> attachment((Object[]) row));
    }

    @Override
    public byte[] content(UUID attachmentId) {
        return (byte[]) em.createNativeQuery("select content from issue_attachment where id = ?1")
                .setParameter(1, attachmentId).getSingleResult();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteOf(UUID issueId) {
        return em.createNativeQuery("delete from issue_attachment where issue_id = ?1").setParameter(1, issueId)
                .executeUpdate();
    }

    private static Attachment attachment(Object[] row) {
        return new Attachment((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3], (String) row[4],
                ((Number) row[5]).longValue(), (String) row[6], (String) row[7], time(row[8]), (String) row[9],
                (UUID) row[10]);
    }

    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case OffsetDateTime time -> time;
            case java.time.Instant instant -> instant.atOffset(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp stamp -> stamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("Unexpected time column " + value.getClass());
        };
    }
}
