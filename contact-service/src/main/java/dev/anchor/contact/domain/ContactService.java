package dev.anchor.contact.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.http.MergePatch;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.contact.messaging.ContactEvents;
import dev.anchor.contact.persistence.ContactRepository;
import dev.anchor.contact.persistence.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

    private final ContactRepository contacts;
    private final ReadModelRepository readModel;
    private final ContactEvents events;
    private final Timeline timeline;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public ContactService(ContactRepository contacts, ReadModelRepository readModel, ContactEvents events,
                          Timeline timeline, Validator validator, ObjectMapper mapper) {
        this.contacts = contacts;
        this.readModel = readModel;
        this.events = events;
        this.timeline = timeline;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Transactional
    public ContactView log(ContactDraft draft, Caller caller) {
        if (caller.partner()) {
            if (draft.internalNotes() != null) {
                throw Problems.forbidden("Partners cannot write internal notes");
            }
            if (draft.locationId() == null || draft.locationId().isBlank()) {
                draft = draft.withLocation(caller.location());
            } else if (!draft.locationId().equals(caller.location())) {
                throw Problems.forbidden("Partners log contacts at their own location (" + caller.location() + ") only");
            }
        }
        draft = draft.withCustomer(timeline.currentCustomerId(draft.customerId()));
        check(draft);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.apply(draft);
        contact.loggedBy = caller.name();
        contact.createdAt = now();
        contact.updatedAt = contact.createdAt;
        contacts.persistAndFlush(contact);
        timeline.recordContact(contact);
        events.logged(contact);
        return ContactView.of(contact, caller.seesInternal());
    }

    @Transactional
    public ContactView get(UUID id, Caller caller) {
        return ContactView.of(find(id, caller), caller.seesInternal());
    }

    @Transactional
    public List<AmendmentView> amendments(UUID id, Caller caller) {
        find(id, caller);
        return contacts.amendments(id).stream().map(a -> view(a, caller)).toList();
    }

    /** Applies a correction as a merge patch of the writable fields and keeps what it changed on the audit trail. */
    @Transactional
    public ContactView amend(UUID id, String ifMatch, AmendmentRequest request, Caller caller) {
        Contact contact = find(id, caller);
        if (contact.erased) {
            throw Problems.gone("Contact " + id + " belongs to an erased customer and cannot be amended");
        }
        ETags.checkIfMatch(ifMatch, contact.version);
        JsonNode changes = request.changes();
        if (!changes.isObject() || changes.isEmpty()) {
            throw Problems.invalidField("changes", "must be a JSON object with at least one field to change");
        }
        if (changes.has("customerId")) {
            throw Problems.invalidField("changes.customerId", "cannot be amended; log the contact on the right customer");
        }
        // Only contact.logged sends the summary, so changing the wish later would promise a message nobody sends.
        if (changes.has("summaryRequested")) {
            throw Problems.invalidField("changes.summaryRequested", "cannot be amended; it is set when the contact is logged");
        }
        if (caller.partner() && changes.has("internalNotes")) {
            throw Problems.forbidden("Partners cannot write internal notes");
        }
        ContactDraft before = contact.draft();
        ContactDraft after = readDraft(MergePatch.apply(mapper.valueToTree(before), changes));
        validate(after);
        if (caller.partner() && !Objects.equals(after.locationId(), caller.location())) {
            throw Problems.forbidden("Partners keep contacts at their own location (" + caller.location() + ")");
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
            throw Problems.unprocessable("The amendment changes nothing");
        }
        OffsetDateTime now = now();
        contact.updatedAt = now;
        contacts.flush();
        List<String> fields = new ArrayList<>();
        changed.fieldNames().forEachRemaining(fields::add);
        ContactAmendment amendment = new ContactAmendment();
        amendment.id = UUID.randomUUID();
        amendment.contactId = contact.id;
        amendment.version = contact.version;
        amendment.amendedBy = caller.name();
        amendment.amendedAt = now;
        amendment.reason = request.reason().trim();
        amendment.fields = String.join(",", fields);
        amendment.changes = changed.toString();
        contacts.addAmendment(amendment);
        timeline.recordContact(contact);
        events.amended(contact, caller.name(), now, amendment.reason, fields);
        return ContactView.of(contact, caller.seesInternal());
    }

    @Transactional
    public Paging.Page<ContactView> ofCustomer(ContactRepository.Filter filter, Paging paging, Caller caller) {
        ContactRepository.Filter effective = new ContactRepository.Filter(timeline.currentCustomerId(filter.customerId()),
                filter.channel(), filter.issueId(), filter.from(), filter.to(), caller.partner() ? caller.location() : null);
        Paging.Page<Contact> page = contacts.search(effective, paging);
        return paging.page(page.items().stream().map(c -> ContactView.of(c, caller.seesInternal())).toList(), page.total());
    }

    private Contact find(UUID id, Caller caller) {
        return contacts.findByIdOptional(id).filter(caller::mayRead)
                .orElseThrow(() -> Problems.notFound("Contact", id));
    }

    /** The rules Bean Validation cannot express. */
    private void check(ContactDraft draft) {
        if (blank(draft.agentId()) && blank(draft.locationId())) {
            throw Problems.invalidField("agentId", "an agentId or a locationId (or both) is required");
        }
        if (draft.occurredAt().isAfter(now().plus(CLOCK_SKEW))) {
            throw Problems.invalidField("occurredAt", "must not be in the future");
        }
        readModel.customer(draft.customerId()).filter(CustomerReplica::erased).ifPresent(c -> {
            throw Problems.gone("Customer " + draft.customerId() + " was erased");
        });
    }

    private AmendmentView view(ContactAmendment a, Caller caller) {
        List<String> fields = Arrays.stream(a.fields.split(",")).filter(f -> !f.isEmpty()).toList();
        JsonNode changes = null;
        if (a.changes != null) {
            try {
                ObjectNode all = (ObjectNode) mapper.readTree(a.changes);
                if (!caller.seesInternal()) {
                    all.remove("internalNotes");
                }
                changes = all;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Amendment " + a.id + " has unreadable changes", e);
            }
        }
        return new AmendmentView(a.version, a.amendedBy, a.amendedAt, a.reason, fields, changes);
    }

    private ContactDraft readDraft(JsonNode json) {
        try {
            return mapper.treeToValue(json, ContactDraft.class);
        } catch (JsonProcessingException e) {
            throw Problems.unreadable(e);
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

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
