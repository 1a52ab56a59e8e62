package dev.anchor.contact.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.contact.events.out.ContactsPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * contact-service's answer to a subject-access export (customer.export-requested): one {@link ContactsPart} per
 * export, with everything it holds about the customer — their record as the summary shows it, every contact with its
 * corrections (and the names, types and sizes of the files her emails brought, never their bytes), their issues and
 * their whole timeline — written through {@link ExportParts} in the inbox's
 * transaction. People appear by the name they gave (a contact's {@code loggedByName}, an issue actor's display name),
 * never by login id.
 */
@ApplicationScoped
public class CustomerExport {

    private static final Logger LOG = Logger.getLogger(CustomerExport.class);
    /** Fields of an amendment's before/after values that hold login ids, which the part does not show. */
    private static final List<String> LOGIN_FIELDS = List.of("agentId");

    private final CustomerReplicas customers;
    private final Contacts contacts;
    private final IssueReplicas issues;
    private final TimelineEntries timeline;
    private final ExportParts parts;
    private final ObjectMapper mapper;

    public CustomerExport(CustomerReplicas customers, Contacts contacts, IssueReplicas issues, TimelineEntries timeline,
                          ExportParts parts, ObjectMapper mapper) {
        this.customers = customers;
        this.contacts = contacts;
        this.issues = issues;
        this.timeline = timeline;
        this.parts = parts;
        this.mapper = mapper;
    }

    /** Contributes the part of {@code exportId} about {@code customerId}, once per export. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contribute(UUID exportId, UUID customerId) {
        if (!parts.contribute(exportId, customerId, part(customerId))) {
            LOG.debugf("export %s was answered already", exportId);
        }
    }

    private ContactsPart part(UUID requested) {
        UUID current = customers.currentId(requested);
        CustomerReplica replica = customers.find(current);
        boolean erased = replica != null && replica.erased();
        ContactsPart.Customer customer = replica == null || erased ? null
                : new ContactsPart.Customer(replica.displayName, replica.preferredChannel, json(replica.mailingAddress));
        List<ContactsPart.Contact> contactLines = contacts.ofCustomer(current).stream()
                .sorted(Comparator.comparing((Contact c) -> c.occurredAt).thenComparing(c -> c.id))
                .map(this::contact).toList();
        List<ContactsPart.Issue> issueLines = issues.ofCustomer(current).stream().map(CustomerExport::issue).toList();
        List<ContactsPart.TimelineLine> lines = timeline.ofCustomer(current).stream().map(this::line).toList();
        return new ContactsPart(requested, erased, customer, contactLines, issueLines, lines);
    }

    private ContactsPart.Contact contact(Contact c) {
        IssueReplica issue = c.issueId == null ? null : issues.find(c.issueId);
        List<ContactsPart.Amendment> amendments = contacts.amendments(c.id).stream().map(this::amendment).toList();
        return new ContactsPart.Contact(c.occurredAt, name(c.channel), name(c.direction), c.durationSeconds, c.summary,
                c.internalNotes, name(c.outcome), c.summaryRequested, issue == null ? null : issue.number,
                c.loggedByName, c.locationId, amendments, files(c));
    }

    /** The metadata of the files her email brought, not their bytes: the part is a JSON document on Kafka. */
    private static List<ContactsPart.File> files(Contact c) {
        return c.attachments == null || c.attachments.isEmpty() ? null
                : c.attachments.stream().map(a -> new ContactsPart.File(a.fileName(), a.mediaType(), a.size())).toList();
    }

    private ContactsPart.Amendment amendment(ContactAmendment a) {
        JsonNode changes = json(a.changes);
        if (changes instanceof ObjectNode values) {
            values.remove(LOGIN_FIELDS);
        }
        List<String> fields = Arrays.stream(a.fields.split(",")).filter(f -> !f.isBlank()).toList();
        return new ContactsPart.Amendment(a.amendedAt, a.reason, fields, changes);
    }

    private static ContactsPart.Issue issue(IssueReplica i) {
        return new ContactsPart.Issue(i.number, i.title, i.status, i.nextActionWhat, i.nextActionWho, i.nextActionDueAt);
    }

    private ContactsPart.TimelineLine line(TimelineEntry e) {
        JsonNode detail = json(e.detail);
        String by = detail == null ? null : detail.path("actor").path("displayName").textValue();
        return new ContactsPart.TimelineLine(e.occurredAt, e.kind, e.type, e.channel, e.issueNumber, e.internal, e.text, by);
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
