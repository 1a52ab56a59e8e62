package dev.anchor.contact.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.contact.domain.InboundMessage;
import dev.anchor.contact.domain.InboundMessages;
import dev.anchor.contact.domain.MailboxCursor;
import dev.anchor.contact.domain.ReplyRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InboundMessageRepository implements InboundMessages {

    private final EntityManager em;

    public InboundMessageRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean seen(String messageKey) {
        return !em.createQuery("select m.id from InboundMessage m where m.messageKey = :key", UUID.class)
                .setParameter("key", messageKey).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public boolean alreadyTaken(UUID issueId, String text) {
        return !em.createQuery("""
                        select m.id from InboundMessage m
                        where m.issueId = :issue and m.status = :matched and m.text = :text""", UUID.class)
                .setParameter("issue", issueId).setParameter("matched", InboundMessage.Status.matched)
                .setParameter("text", text).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public boolean alreadyOpened(UUID customerId, String text) {
        return !em.createQuery("""
                        select m.id from InboundMessage m
                        where m.customerId = :customer and m.reason = :opened and m.text = :text""", UUID.class)
                .setParameter("customer", customerId).setParameter("opened", InboundMessage.NEW_ISSUE)
                .setParameter("text", text).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void openedIssue(UUID contactId, UUID issueId) {
        em.createQuery("update InboundMessage m set m.issueId = :issue where m.contactId = :contact and m.issueId is null")
                .setParameter("issue", issueId).setParameter("contact", contactId).executeUpdate();
    }

    @Override
    public void add(InboundMessage message) {
        if (!em.contains(message)) {
            em.persist(message);
        }
    }

    @Override
    public Optional<InboundMessage> byId(UUID id) {
        return Optional.ofNullable(em.find(InboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Paging.Page<InboundMessage> withStatus(InboundMessage.Status status, Paging paging) {
        var items = em.createQuery("from InboundMessage m where m.status = :status order by m.readAt desc, m.id",
                        InboundMessage.class)
                .setParameter("status", status).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
        long total = em.createQuery("select count(m) from InboundMessage m where m.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
        return new Paging.Page<>(items, paging.page(), paging.size(), total);
    }

    @Override
    public Optional<ReplyRoute> route(String token) {
        return Optional.ofNullable(em.find(ReplyRoute.class, token));
    }

    @Override
    public void addRoute(ReplyRoute route) {
        // two consumers of the same notification.sent never race: the inbox takes each event once
        em.persist(route);
    }

    @Override
    public MailboxCursor cursor(String mailbox) {
        MailboxCursor cursor = em.find(MailboxCursor.class, mailbox, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            cursor = new MailboxCursor();
            cursor.mailbox = mailbox;
        }
        return cursor;
    }

    @Override
    public void save(MailboxCursor cursor) {
        if (!em.contains(cursor)) {
            em.persist(cursor);
        }
    }

    @Override
    public void forget(UUID customerId) {
        em.createQuery("delete from ReplyRoute r where r.customerId = :customer")
                .setParameter("customer", customerId).executeUpdate();
        em.createNativeQuery("""
                        update inbound_attachment set file_name = null, sha256 = null, content = null
                        where inbound_message_id in (select id from inbound_message where customer_id = ?1)""")
                .setParameter(1, customerId).executeUpdate();
        em.createQuery("""
                        update InboundMessage m set m.sender = null, m.recipient = null, m.subject = null,
                        m.text = null, m.original = null where m.customerId = :customer""")
                .setParameter("customer", customerId).executeUpdate();
    }

    @Override
    public void repoint(UUID retired, UUID survivor) {
        em.createQuery("update ReplyRoute r set r.customerId = :survivor where r.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
        em.createQuery("update InboundMessage m set m.customerId = :survivor where m.customerId = :retired")
                .setParameter("survivor", survivor).setParameter("retired", retired).executeUpdate();
    }
}
