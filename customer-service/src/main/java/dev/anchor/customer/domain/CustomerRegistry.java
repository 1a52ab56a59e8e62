package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.UnreadableInput;
import dev.anchor.blocks.refusal.InvalidFields;
import dev.anchor.blocks.refusal.ExpectedVersion;
import dev.anchor.blocks.refusal.NotFound;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.http.MergePatch;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.time.ServiceClock;
import dev.anchor.customer.events.out.CustomerEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Registering customers, reading and finding them, and changing their details. Each change runs in one transaction with its events. */
@ApplicationScoped
public class CustomerRegistry {

    private final Customers customers;
    private final IssueShares shares;
    private final CustomerEvents events;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CustomerRegistry(Customers customers, IssueShares shares, CustomerEvents events, Validator validator,
                            ObjectMapper mapper, Clock clock) {
        this.customers = customers;
        this.shares = shares;
        this.events = events;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Customer register(CustomerDraft draft) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.status = CustomerStatus.active;
        customer.createdAt = ServiceClock.now(clock);
        customer.updatedAt = customer.createdAt;
        DraftRules.apply(customer, DraftRules.withDefaultPreferences(draft));
        customers.add(customer);
        events.registered(CustomerStates.of(customer));
        return customer;
    }

    /**
     * The record in whatever state it is: active, merged (see mergedInto) or erased (no personal data). A partner gets
     * only an active customer it may read, or a record merged into one; anything else does not exist for it.
     */
    @Transactional
    public Customer get(UUID id, PartnerScope scope) {
        Customer customer = customers.existing(id);
        if (scope.limited()) {
            UUID holder = customer.status == CustomerStatus.merged ? customer.mergedInto : customer.id;
            if (!shares.sharedWith(holder, scope.location())) {
                throw new NotFound("Customer", id); // the same answer as for an id nobody knows: it reveals nothing
            }
        }
        return customer;
    }

    @Transactional
    public Paging.Page<Customer> search(SearchCriteria criteria, Paging paging, PartnerScope scope) {
        return customers.search(criteria, scope, paging);
    }

    /** Applies an RFC 7396 merge patch to the writable fields, as if the whole draft had been sent. */
    @Transactional
    public Customer patch(UUID id, ExpectedVersion expected, JsonNode patch) {
        Customer customer = customers.active(id);
        expected.check(customer.version);
        if (!patch.isObject()) {
            throw new UnreadableInput("A merge patch must be a JSON object");
        }
        CustomerDraft before = customer.draft();
        CustomerDraft after = readDraft(MergePatch.apply(mapper.valueToTree(before), patch));
        validate(after);
        if (after.preferences() == null) {
            throw InvalidFields.of("preferences", "cannot be removed; change them instead");
        }
        DraftRules.apply(customer, after);
        List<String> changed = DraftRules.changedFields(before, customer.draft());
        if (!changed.isEmpty()) {
            customer.updatedAt = ServiceClock.now(clock);
            customers.flush();
            List<String> contactDetails = changed.stream().filter(field -> !field.equals("preferences")).toList();
            if (!contactDetails.isEmpty()) {
                events.updated(CustomerStates.of(customer), contactDetails);
            }
            if (changed.contains("preferences")) {
                events.preferencesChanged(CustomerStates.of(customer));
            }
        }
        return customer;
    }

    @Transactional
    public Customer replacePreferences(UUID id, ExpectedVersion expected, Preferences preferences) {
        Customer customer = customers.active(id);
        expected.check(customer.version);
        CustomerDraft draft = customer.draft();
        CustomerDraft after = new CustomerDraft(draft.givenName(), draft.familyName(), draft.emails(), draft.phones(),
                draft.addresses(), draft.externalReferences(), preferences);
        DraftRules.apply(customer, after);
        if (!Objects.equals(draft.preferences(), customer.preferences())) {
            customer.updatedAt = ServiceClock.now(clock);
            customers.flush();
            events.preferencesChanged(CustomerStates.of(customer));
        }
        return customer;
    }

    private CustomerDraft readDraft(JsonNode json) {
        try {
            return mapper.treeToValue(json, CustomerDraft.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableInput(e);
        }
    }

    private void validate(CustomerDraft draft) {
        Set<ConstraintViolation<CustomerDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
