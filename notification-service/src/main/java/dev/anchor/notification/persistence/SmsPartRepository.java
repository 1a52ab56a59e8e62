package dev.anchor.notification.persistence;

import dev.anchor.notification.domain.SmsParts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The sms_part table in PostgreSQL. */
@ApplicationScoped
public class SmsPartRepository implements SmsParts {

    /** The first key of every part group's advisory lock, apart from the customer locks ("CUST") and the relay's. */
    private static final int PART_LOCKS = 0x50415254; // "PART"

    private final EntityManager em;

    public SmsPartRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void lock(Group group) {
        // an advisory lock, because the group has no row of its own to lock before its first part is stored
        int key = (group.senderKey() + "|" + group.reference() + "|" + group.total()).hashCode();
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, PART_LOCKS).setParameter(2, key).getSingleResult();
    }

    @Override
    public boolean add(Group group, Part part) {
        return em.createNativeQuery("""
                insert into sms_part (sender_key, reference, total, segment, provider_id, sender, text, received_at)
                values (:key, :reference, :total, :segment, :id, :sender, :text, :at)
                on conflict (sender_key, reference, total, segment) do nothing""")
                .setParameter("key", group.senderKey()).setParameter("reference", group.reference())
                .setParameter("total", group.total()).setParameter("segment", part.segment())
                .setParameter("id", part.providerId()).setParameter("sender", part.sender())
                .setParameter("text", part.text()).setParameter("at", part.receivedAt()).executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Part> waiting(Group group) {
        List<Object[]> rows = em.createNativeQuery("""
                select segment, provider_id, sender, text, received_at from sms_part
                where sender_key = :key and reference = :reference and total = :total and joined_at is null
                order by segment""")
                .setParameter("key", group.senderKey()).setParameter("reference", group.reference())
                .setParameter("total", group.total()).getResultList();
        return rows.stream().map(r -> new Part(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], time(r[4]))).toList();
    }

    @Override
    public void joined(Group group, OffsetDateTime at) {
        em.createNativeQuery("""
                update sms_part set sender = null, text = null, joined_at = :at
                where sender_key = :key and reference = :reference and total = :total and joined_at is null""")
                .setParameter("at", at).setParameter("key", group.senderKey())
                .setParameter("reference", group.reference()).setParameter("total", group.total()).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Group> waitingSince(OffsetDateTime cutoff) {
        List<Object[]> rows = em.createNativeQuery("""
                select distinct sender_key, reference, total from sms_part
                where joined_at is null and received_at < :cutoff""")
                .setParameter("cutoff", cutoff).getResultList();
        return rows.stream().map(r -> new Group((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue())).toList();
    }

    @Override
    public int purgeJoined(OffsetDateTime cutoff) {
        return em.createNativeQuery("delete from sms_part where joined_at is not null and joined_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    @Override
    public int forgetSender(String senderKey) {
        return em.createNativeQuery("delete from sms_part where sender_key = :key")
                .setParameter("key", senderKey).executeUpdate();
    }

    /** A timestamptz as the driver hands it in a native query (the type depends on the Hibernate version). */
    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
