package dev.anchor.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the customer replica from customer.events: newer versions only, merges re-pointed, erasures without a trace
 * of personal data.
 */
@ApplicationScoped
public class CustomerReplicas {

    private final EntityManager em;
    private final Clock clock;
    private final NotificationEvents events;

    public CustomerReplicas(EntityManager em, Clock clock, NotificationEvents events) {
        this.em = em;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String type, JsonNode data) {
        if (data == null || !data.isObject()) {
            return; // nothing we can use
        }
        switch (type) {
            case "customer.registered", "customer.updated", "customer.preferences-changed" -> upsert(data.path("customer"));
            case "customer.merged" -> merged(uuid(data.path("survivorId")), uuid(data.path("retiredId")), data.path("customer"));
            case "customer.erased" -> {
                List<UUID> ids = new ArrayList<>();
                ids.add(uuid(data.path("customerId")));
                data.path("mergedIds").forEach(id -> ids.add(uuid(id)));
                ids.stream().filter(java.util.Objects::nonNull).forEach(this::erase);
            }
            default -> {
                // a type we do not know: nothing to do
            }
        }
    }

    /** The customer to write to for {@code id}, following merges; empty when unknown. */
    public Optional<CustomerContact> resolve(UUID id) {
        CustomerContact c = em.find(CustomerContact.class, id);
        for (int hops = 0; c != null && c.mergedInto != null && hops < 10; hops++) {
            c = em.find(CustomerContact.class, c.mergedInto);
        }
        return Optional.ofNullable(c);
    }

    private void upsert(JsonNode customer) {
        UUID id = uuid(customer.path("id"));
        if (id == null) {
            return;
        }
        long version = customer.path("version").asLong(0);
        CustomerContact c = em.find(CustomerContact.class, id);
        if (c != null && ("erased".equals(c.status) || c.version >= version)) {
            return; // stale, a duplicate state, or erased: nothing comes back
        }
        boolean isNew = c == null;
        if (isNew) {
            c = new CustomerContact();
            c.id = id;
        }
        c.version = version;
        c.status = customer.path("status").asText("active");
        c.displayName = text(customer.path("displayName"));
        if (c.displayName == null) {
            c.displayName = text(customer.path("givenName"));
        }
        c.email = primary(customer.path("emails"), "address");
        c.phone = primary(customer.path("phones"), "number");
        JsonNode p = customer.path("preferences");
        c.preferredChannel = text(p.path("preferredChannel"));
        c.fallbackAllowed = p.path("fallbackAllowed").asBoolean(false);
        c.language = text(p.path("language"));
        c.timeZone = text(p.path("timeZone"));
        c.quietStart = text(p.path("quietHours").path("start"));
        c.quietEnd = text(p.path("quietHours").path("end"));
        c.consentService = p.path("consent").path("service").asBoolean(true);
        c.consentMarketing = p.path("consent").path("marketing").asBoolean(false);
        c.mergedInto = uuid(customer.path("mergedInto"));
        c.updatedAt = OffsetDateTime.now(clock);
        if ("erased".equals(c.status)) {
            c.erase(c.updatedAt);
        }
        if (isNew) {
            em.persist(c);
        }
    }

    private void merged(UUID survivor, UUID retired, JsonNode customer) {
        if (survivor == null || retired == null) {
            return;
        }
        upsert(customer);
        CustomerContact old = em.find(CustomerContact.class, retired);
        if (old == null) {
            old = new CustomerContact();
            old.id = retired;
            old.version = 0;
            old.erase(OffsetDateTime.now(clock));
            old.status = "merged";
            old.mergedInto = survivor;
            em.persist(old);
        } else if (!"erased".equals(old.status)) {
            old.erase(OffsetDateTime.now(clock));
            old.status = "merged";
            old.mergedInto = survivor;
        }
        em.createQuery("update IssueReplica i set i.customerId = :s where i.customerId = :r")
                .setParameter("s", survivor).setParameter("r", retired).executeUpdate();
        em.createQuery("update Notification n set n.customerId = :s where n.customerId = :r")
                .setParameter("s", survivor).setParameter("r", retired).executeUpdate();
    }

    private void erase(UUID id) {
        CustomerContact c = em.find(CustomerContact.class, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c == null) {
            c = new CustomerContact();
            c.id = id;
            c.version = Long.MAX_VALUE;
            c.erase(now);
            em.persist(c);
        } else {
            for (String[] address : new String[][]{{"email", c.email}, {"sms", c.phone}}) {
                if (address[1] != null) {
                    em.createQuery("delete from AddressSuppression s where s.key.channel = :c and s.key.address = :a")
                            .setParameter("c", address[0]).setParameter("a", address[1]).executeUpdate();
                }
            }
            c.erase(now);
            c.version = Long.MAX_VALUE;
        }
        List<Notification> queued = em.createQuery(
                "from Notification n where n.customerId = :id and n.status = 'queued'", Notification.class)
                .setParameter("id", id).getResultList();
        for (Notification n : queued) {
            n.settle("suppressed", "customer-erased");
            events.published(n);
        }
        em.createQuery("""
                update Notification n set n.recipient = null, n.bodyText = null, n.bodyHtml = null, n.smsText = null,
                n.lastError = null, n.parts = null where n.customerId = :id""").setParameter("id", id).executeUpdate();
    }

    private static String primary(JsonNode list, String field) {
        String first = null;
        for (JsonNode item : list) {
            String value = text(item.path(field));
            if (value == null) {
                continue;
            }
            if (item.path("primary").asBoolean(false)) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    static UUID uuid(JsonNode node) {
        try {
            return text(node) == null ? null : UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
