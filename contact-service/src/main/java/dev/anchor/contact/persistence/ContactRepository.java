package dev.anchor.contact.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.contact.domain.Contact;
import dev.anchor.contact.domain.ContactAmendment;
import dev.anchor.contact.domain.ContactFilter;
import dev.anchor.contact.domain.Contacts;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID>, Contacts {

    @Override
    public Optional<Contact> byId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public void add(Contact contact) {
        persistAndFlush(contact);
    }

    @Override
    public void writeChanges() {
        flush();
    }

    @Override
    public Paging.Page<Contact> search(ContactFilter filter, Paging paging) {
        List<String> where = new ArrayList<>(List.of("c.customerId = :customer"));
        Map<String, Object> params = new HashMap<>(Map.of("customer", filter.customerId()));
        if (filter.channel() != null) {
            where.add("c.channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.issueId() != null) {
            where.add("c.issueId = :issue");
            params.put("issue", filter.issueId());
        }
        if (filter.from() != null) {
            where.add("c.occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("c.occurredAt < :to");
            params.put("to", filter.to());
        }
        String scope = ScopeQueries.contacts(filter.scope(), params);
        if (scope != null) {
            where.add(scope);
        }
        String from = " from Contact c where " + String.join(" and ", where);
        TypedQuery<Contact> select = getEntityManager()
                .createQuery("select c" + from + " order by c.occurredAt desc, c.id desc", Contact.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = getEntityManager().createQuery("select count(c)" + from, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    @Override
    public List<Contact> ofCustomer(UUID customerId) {
        return list("customerId", customerId);
    }

    @Override
    public List<Contact> lastPerChannel(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select id from (select distinct on (channel) id, channel from contact where customer_id = ?1
                                        order by channel, occurred_at desc, id desc) last""", UUID.class)
                .setParameter(1, customerId).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 order by occurredAt desc", ids);
    }

    @Override
    public List<ContactAmendment> amendments(UUID contactId) {
        return getEntityManager()
                .createQuery("from ContactAmendment a where a.contactId = :contact order by a.version", ContactAmendment.class)
                .setParameter("contact", contactId).getResultList();
    }

    @Override
    public void addAmendment(ContactAmendment amendment) {
        getEntityManager().persist(amendment);
    }

    @Override
    public void placeOnIssue(UUID contactId, UUID issueId) {
        update("issueId = ?1 where id = ?2 and issueId is null", issueId, contactId);
    }

    @Override
    public void repoint(UUID retired, UUID survivor) {
        // the version moves on, so an amendment read before the move fails (412) instead of moving the contact back
        update("customerId = ?1, version = version + 1 where customerId = ?2", survivor, retired);
    }

    @Override
    public void anonymise(UUID customerId) {
        getEntityManager().createQuery("""
                        update ContactAmendment a set a.reason = null, a.changes = null
                        where a.contactId in (select c.id from Contact c where c.customerId = :customer)""")
                .setParameter("customer", customerId).executeUpdate();
        // the version moves on, so an amendment read before the erasure fails (412) instead of writing the text back
        update("summary = null, internalNotes = null, subject = null, attachments = null, erased = true, version = version + 1 where customerId = ?1", customerId);
    }
}
