package dev.anchor.contact.domain;

import dev.anchor.blocks.refusal.NotFound;
import dev.anchor.blocks.refusal.Gone;
import dev.anchor.blocks.refusal.NotPermitted;
import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.refusal.UnreadableInput;
import dev.anchor.blocks.refusal.ExpectedVersion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.http.MergePatch;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.contact.events.out.ContactEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The contact use cases: log, amend, read. Each change runs in one transaction with its event and timeline entry. */
@ApplicationScoped
public class ContactService {

    /** Clocks differ a little; an interaction further in the future than this is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Map<String, Function<ContactDraft, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("issueId", ContactDraft::issueId);
        FIELDS.put("channel", ContactDraft::channel);
        FIELDS.put("direction", ContactDraft::direction);
        FIELDS.put("agentId", ContactDraft::agentId);
        FIELDS.put("locationId", ContactDraft::locationId);
        FIELDS.put("occurredAt", d -> d.occurredAt() == null ? null : d.occurredAt().toInstant());
        FIELDS.put("durationSeconds", ContactDraft::durationSeconds);
        FIELDS.put("summary", ContactDraft::summary);
        FIELDS.put("internalNotes", ContactDraft::internalNotes);
        FIELDS.put("outcome", ContactDraft::outcome);
    }

    private final Contacts contacts;
    private final CustomerReplicas customers;
    private final IssueReplicas issues;
    private final ContactEvents events;
    private final Timeline timeline;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ContactService(Contacts contacts, CustomerReplicas customers, IssueReplicas issues, ContactEvents events,
                          Timeline timeline, Validator validator, ObjectMapper mapper, Clock clock) {
        this.contacts = contacts;
        this.customers = customers;
        this.issues = issues;
        this.events = events;
        this.timeline = timeline;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Contact log(ContactDraft draft, Caller caller) {
        if (caller.partner()) {
            if (draft.internalNotes() != null) {
                throw new NotPermitted("Partners cannot write internal notes");
            }
            if (draft.locationId() == null || draft.locationId().isBlank()) {
                draft = draft.withLocation(caller.location());
            } else if (!draft.locationId().equals(caller.location())) {
                throw new NotPermitted("Partners log contacts at their own location (" + caller.location() + ") only");
            }
        }
        customers.lock(draft.customerId()); // an erasure under way finishes first, and then this is refused (410)
        draft = draft.withCustomer(customers.currentId(draft.customerId()));
        check(draft);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.apply(draft);
        contact.loggedBy = caller.name();
        contact.loggedByName = caller.displayName();
        contact.createdAt = ServiceClock.now(clock);
        contact.updatedAt = contact.createdAt;
        record(contact);
        return contact;
    }

    /** A new contact, with its timeline entry and contact.logged, in the caller's transaction (logged or a reply). */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(Contact contact) {
        contacts.add(contact);
        timeline.recordContact(contact);
        events.logged(contact.toState());
    }

    @Transactional
    public Contact get(UUID id, Caller caller) {
        return find(id, caller);
    }

    /** The contact's audit trail, oldest first (what of it the caller sees is the API's to show). */
    @Transactional
    public List<ContactAmendment> amendments(UUID id, Caller caller) {
        find(id, caller);
        return contacts.amendments(id);
    }

    /**
     * Applies a correction as a merge patch of the writable fields and keeps what it changed on the audit trail.
     * {@code expected} holds the versions the caller based it on.
     */
    @Transactional
    public Contact amend(UUID id, ExpectedVersion expected, String reason, JsonNode changes, Caller caller) {
        Contact contact = find(id, caller);
        if (!caller.scope().mayChange(contact)) {
            throw new NotPermitted("Partners amend contacts of their own location (" + caller.location() + ") only");
        }
        // an erasure under way finishes first: then the contact's version has moved on and this is refused (412)
        customers.lock(contact.customerId);
        if (contact.erased) {
            throw new Gone("Contact " + id + " belongs to an erased customer and cannot be amended");
        }
        expected.check(contact.version);
        if (!changes.isObject() || changes.isEmpty()) {
            throw InvalidFields.of("changes", "must be a JSON object with at least one field to change");
        }
        if (changes.has("customerId")) {
            throw InvalidFields.of("changes.customerId", "cannot be amended; log the contact on the right customer");
        }
        // Only contact.logged sends the summary, so changing the wish later would promise a message nobody sends.
        if (changes.has("summaryRequested")) {
            throw InvalidFields.of("changes.summaryRequested", "cannot be amended; it is set when the contact is logged");
        }
        if (caller.partner() && changes.has("internalNotes")) {
            throw new NotPermitted("Partners cannot write internal notes");
        }
        ContactDraft before = contact.draft();
        ContactDraft after = readDraft(MergePatch.apply(mapper.valueToTree(before), changes));
        validate(after);
        if (caller.partner() && !Objects.equals(after.locationId(), caller.location())) {
            throw new NotPermitted("Partners keep contacts at their own location (" + caller.location() + ")");
        }
        check(after);
        contact.apply(after);
        ContactDraft applied = contact.draft();
        ObjectNode changed = mapper.createObjectNode();
        FIELDS.forEach((field, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(applied))) {
                ObjectNode change = changed.putObject(field);
                change.set("from", mapper.valueToTree(mapper.valueToTree(before).get(field)));
                change.set("to", mapper.valueToTree(mapper.valueToTree(applied).get(field)));
            }
        });
        if (changed.isEmpty()) {
            throw new Refused("The amendment changes nothing");
        }
        OffsetDateTime now = ServiceClock.now(clock);
        contact.updatedAt = now;
        contacts.writeChanges();
        List<String> fields = new ArrayList<>();
        changed.fieldNames().forEachRemaining(fields::add);
        ContactAmendment amendment = new ContactAmendment();
        amendment.id = UUID.randomUUID();
        amendment.contactId = contact.id;
        amendment.version = contact.version;
        amendment.amendedBy = caller.name();
        amendment.amendedAt = now;
        amendment.reason = reason.trim();
        amendment.fields = String.join(",", fields);
        amendment.changes = changed.toString();
        contacts.addAmendment(amendment);
        timeline.recordContact(contact);
        events.amended(contact.toState(), caller.name(), now, amendment.reason, fields);
        return contact;
    }

    /** A customer's contacts as {@code caller} may see them; a merged customer's id lists the survivor's. */
    @Transactional
    public Paging.Page<Contact> ofCustomer(ContactFilter filter, Paging paging, Caller caller) {
        UUID current = customers.currentId(filter.customerId());
        Paging.Page<Contact> page = contacts.search(filter.forCustomer(current, caller.scope()), paging);
        // nothing known about the customer at all is a 404, as for the summary; an empty page is a known customer's
        if (page.total() == 0 && customers.find(current) == null
                && contacts.search(new ContactFilter(current, null, null, null, null), Paging.of(0, 1)).total() == 0) {
            throw new NotFound("Customer", filter.customerId());
        }
        return page;
    }

    /** The contact if {@code caller} may see it ({@link PartnerScope}); one it may not see is as unknown to it. */
    private Contact find(UUID id, Caller caller) {
        PartnerScope scope = caller.scope();
        return contacts.byId(id)
                .filter(c -> scope.sees(c, c.issueId == null ? null : issues.find(c.issueId)))
                .orElseThrow(() -> new NotFound("Contact", id));
    }

    /** The rules Bean Validation cannot express. */
    private void check(ContactDraft draft) {
        if (blank(draft.agentId()) && blank(draft.locationId())) {
            throw InvalidFields.of("agentId", "an agentId or a locationId (or both) is required");
        }
        if (draft.occurredAt().isAfter(ServiceClock.now(clock).plus(CLOCK_SKEW))) {
            throw InvalidFields.of("occurredAt", "must not be in the future");
        }
        if (customers.isErased(draft.customerId())) {
            throw new Gone("Customer " + draft.customerId() + " was erased");
        }
    }

    private ContactDraft readDraft(JsonNode json) {
        try {
            return mapper.treeToValue(json, ContactDraft.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(e);
        }
    }

    private void validate(ContactDraft draft) {
        Set<ConstraintViolation<ContactDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
