package dev.anchor.blocks.testapp;

import dev.anchor.blocks.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The test application's domain: notes about a subject, each written with its event {@code note.written}. */
@ApplicationScoped
public class Notes {

    public static final String TOPIC = "blocks.events";

    private final EntityManager em;
    private final Outbox outbox;

    public Notes(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The event data of note.written. */
    public record Written(UUID noteId, String text) {
    }

    /** A note and its event, committed together (in the caller's transaction, or one of its own). */
    @Transactional
    public UUID write(UUID subject, String text) {
        UUID id = keep(subject, text);
        outbox.record(TOPIC, "note.written", subject, new Written(id, text));
        return id;
    }

    /** A note without an event, in the caller's transaction (as an event handler writes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID keep(UUID subject, String text) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.subject = subject;
        note.text = text;
        em.persist(note);
        return note.id;
    }

    @Transactional
    public long count(UUID subject) {
        return em.createQuery("select count(n) from Note n where n.subject = :subject", Long.class)
                .setParameter("subject", subject).getSingleResult();
    }

    /** Messages still waiting in the outbox about {@code subject}. */
    @Transactional
    public long waitingInOutbox(UUID subject) {
        return em.createQuery("select count(m) from OutboxMessage m where m.key = :subject", Long.class)
                .setParameter("subject", subject.toString()).getSingleResult();
    }

    /** Whether {@code consumer} kept its inbox claim on {@code eventId}. */
    @Transactional
    public boolean claimed(String consumer, UUID eventId) {
        return ((Number) em.createNativeQuery("select count(*) from inbox_message where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue() == 1;
    }
}
