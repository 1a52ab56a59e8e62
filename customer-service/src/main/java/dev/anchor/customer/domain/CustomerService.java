package dev.anchor.customer.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.http.ETags;
import dev.anchor.blocks.http.MergePatch;
import dev.anchor.blocks.http.Paging;
import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.Problem.FieldError;
import dev.anchor.blocks.problem.Problems;
import dev.anchor.customer.messaging.CustomerEvents;
import dev.anchor.customer.persistence.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The customer use cases. Each runs in one transaction with the event it publishes. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final IdempotentCreates idempotency;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public CustomerService(CustomerRepository customers, CustomerEvents events, IdempotentCreates idempotency,
                           Validator validator, ObjectMapper mapper) {
        this.customers = customers;
        this.events = events;
        this.idempotency = idempotency;
        this.validator = validator;
        this.mapper = mapper;
    }

    @Transactional
    public CustomerState register(CustomerDraft draft) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.status = CustomerStatus.active;
        customer.createdAt = now();
        customer.updatedAt = customer.createdAt;
        apply(customer, withDefaultPreferences(draft));
        customers.persistAndFlush(customer);
        events.registered(customer);
        return CustomerState.of(customer);
    }

    @Transactional
    public Paging.Page<CustomerState> search(SearchCriteria criteria, Paging paging) {
        Paging.Page<Customer> page = customers.search(criteria, paging);
        return paging.page(page.items().stream().map(CustomerState::of).toList(), page.total());
    }

    /** Applies an RFC 7396 merge patch to the writable fields, as if the whole draft had been sent. */
    @Transactional
    public CustomerState patch(UUID id, String ifMatch, JsonNode patch) {
        Customer customer = findActive(id);
        ETags.checkIfMatch(ifMatch, customer.version);
        if (!patch.isObject()) {
            throw Problems.badRequest("A merge patch must be a JSON object");
        }
        CustomerDraft before = customer.draft();
        CustomerDraft after = readDraft(MergePatch.apply(mapper.valueToTree(before), patch));
        validate(after);
        if (after.preferences() == null) {
            throw Problems.invalidField("preferences", "cannot be removed; change them instead");
        }
        apply(customer, after);
        List<String> changed = changedFields(before, customer.draft());
        if (!changed.isEmpty()) {
            customer.updatedAt = now();
            customers.flush();
            if (changed.stream().anyMatch(field -> !field.equals("preferences"))) {
                events.updated(customer, changed.stream().filter(f -> !f.equals("preferences")).toList());
            }
            if (changed.contains("preferences")) {
                events.preferencesChanged(customer);
            }
        }
        return CustomerState.of(customer);
    }

    @Transactional
    public CustomerState replacePreferences(UUID id, String ifMatch, Preferences preferences) {
        Customer customer = findActive(id);
        ETags.checkIfMatch(ifMatch, customer.version);
        CustomerDraft draft = customer.draft();
        CustomerDraft after = new CustomerDraft(draft.givenName(), draft.familyName(), draft.emails(), draft.phones(),
                draft.addresses(), draft.externalReferences(), preferences);
        apply(customer, after);
        if (!Objects.equals(draft.preferences(), customer.preferences())) {
            customer.updatedAt = now();
            customers.flush();
            events.preferencesChanged(customer);
        }
        return CustomerState.of(customer);
    }

    /** Folds {@code duplicateId} into {@code survivorId}: contact details are united, the duplicate retires. */
    @Transactional
    public CustomerState merge(UUID survivorId, UUID duplicateId, String ifMatch) {
        if (survivorId.equals(duplicateId)) {
            throw Problems.unprocessable("A customer cannot be merged into itself");
        }
        Customer survivor = findActive(survivorId);
        ETags.checkIfMatch(ifMatch, survivor.version);
        Customer duplicate = customers.findByIdOptional(duplicateId)
                .orElseThrow(() -> Problems.unprocessable("Duplicate customer " + duplicateId + " does not exist"));
        if (duplicate.status != CustomerStatus.active) {
            throw Problems.conflict("Customer " + duplicateId + " is " + duplicate.status + " and cannot be merged");
        }
        CustomerDraft mine = survivor.draft();
        CustomerDraft theirs = duplicate.draft();
        apply(survivor, new CustomerDraft(mine.givenName(), mine.familyName(),
                union(mine.emails(), notPrimary(theirs.emails(), e -> e.asPrimary(false)), e -> e.address().toLowerCase()),
                union(mine.phones(), notPrimary(theirs.phones(), p -> p.asPrimary(false)), PhoneNumber::number),
                union(mine.addresses(), notPrimary(theirs.addresses(), a -> a.asMailing(false)), a -> a.asMailing(false)),
                union(mine.externalReferences(), theirs.externalReferences(), r -> r),
                mine.preferences()));
        OffsetDateTime now = now();
        survivor.updatedAt = now;
        duplicate.status = CustomerStatus.merged;
        duplicate.mergedInto = survivor.id;
        duplicate.updatedAt = now;
        customers.mergedInto(duplicate.id).forEach(earlier -> earlier.mergedInto = survivor.id);
        customers.flush();
        events.merged(survivor, duplicate.id);
        return CustomerState.of(survivor);
    }

    /** GDPR erasure of the customer and of every record merged into it; the ids stay so references hold. */
    @Transactional
    public void erase(UUID id) {
        Customer customer = find(id);
        if (customer.status == CustomerStatus.erased) {
            return;
        }
        if (customer.status == CustomerStatus.merged) {
            throw Problems.conflict("Customer " + id + " was merged into " + customer.mergedInto + "; erase that record");
        }
        OffsetDateTime now = now();
        List<UUID> merged = new ArrayList<>();
        for (Customer retired : customers.mergedInto(id)) {
            retired.erase(now);
            idempotency.forget(retired.id);
            merged.add(retired.id);
        }
        customer.erase(now);
        idempotency.forget(customer.id);
        customers.flush();
        events.erased(customer.id, merged, now);
    }

    /** Everything held about the customer, for a subject access request. */
    @Transactional
    public Export export(UUID id) {
        Customer customer = findActive(id);
        List<CustomerState> merged = customers.mergedInto(id).stream().map(CustomerState::of).toList();
        return new Export(now(), CustomerState.of(customer), merged);
    }

    /** The record in whatever state it is: active, merged (see mergedInto) or erased (no personal data). */
    @Transactional
    public CustomerState get(UUID id) {
        return CustomerState.of(find(id));
    }

    @RegisterForReflection
    public record Export(OffsetDateTime exportedAt, CustomerState customer, List<CustomerState> mergedRecords) {
    }

    private Customer find(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> Problems.notFound("Customer", id));
    }

    private Customer findActive(UUID id) {
        Customer customer = find(id);
        return switch (customer.status) {
            case active -> customer;
            case merged -> throw Problems.conflict("Customer " + id + " was merged into " + customer.mergedInto);
            case erased -> throw Problems.gone("Customer " + id + " was erased");
        };
    }

    /** Normalises and checks the rules Bean Validation cannot express, then writes the draft onto the aggregate. */
    private void apply(Customer customer, CustomerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        List<EmailAddress> emails = exactlyOne(draft.emailsOrEmpty(), EmailAddress::primary, EmailAddress::asPrimary,
                "emails", "primary", errors);
        List<PhoneNumber> phones = exactlyOne(draft.phonesOrEmpty(), PhoneNumber::primary, PhoneNumber::asPrimary,
                "phones", "primary", errors);
        List<PostalAddress> addresses = exactlyOne(draft.addressesOrEmpty(), PostalAddress::mailing,
                PostalAddress::asMailing, "addresses", "mailing", errors);
        noDuplicates(emails, e -> e.address().toLowerCase(), "emails", "address", errors);
        noDuplicates(phones, PhoneNumber::number, "phones", "number", errors);
        noDuplicates(draft.referencesOrEmpty(), r -> r.system() + ":" + r.value(), "externalReferences", "value", errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid("The request has invalid fields", errors);
        }
        Preferences preferences = draft.preferences();
        boolean reachable = !emails.isEmpty() || !phones.isEmpty();
        if (reachable && preferences.preferredChannel() == Channel.email && emails.isEmpty()) {
            throw Problems.unprocessable("The preferred channel is email but the customer has no email address");
        }
        if (reachable && preferences.preferredChannel() == Channel.sms && phones.isEmpty()) {
            throw Problems.unprocessable("The preferred channel is sms but the customer has no phone number");
        }
        customer.givenName = draft.givenName().trim();
        customer.familyName = draft.familyName() == null || draft.familyName().isBlank() ? null : draft.familyName().trim();
        replace(customer.emails, emails);
        replace(customer.phones, phones);
        replace(customer.addresses, addresses);
        replace(customer.externalReferences, draft.referencesOrEmpty());
        customer.applyPreferences(new Preferences(preferences.preferredChannel(), preferences.fallbackAllowed(),
                preferences.language(), preferences.timeZone(), preferences.quietHours(), preferences.consent().normalised()));
    }

    private static CustomerDraft withDefaultPreferences(CustomerDraft draft) {
        if (draft.preferences() != null) {
            return draft;
        }
        Channel channel = draft.emailsOrEmpty().isEmpty() && !draft.phonesOrEmpty().isEmpty() ? Channel.sms : Channel.email;
        return new CustomerDraft(draft.givenName(), draft.familyName(), draft.emails(), draft.phones(), draft.addresses(),
                draft.externalReferences(), Preferences.defaults(channel));
    }

    private CustomerDraft readDraft(JsonNode json) {
        try {
            return mapper.treeToValue(json, CustomerDraft.class);
        } catch (JsonProcessingException e) {
            throw Problems.unreadable(e);
        }
    }

    private void validate(CustomerDraft draft) {
        Set<ConstraintViolation<CustomerDraft>> violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** One flagged element (primary, mailing): none flagged makes the first one it; several is an error. */
    private static <T> List<T> exactlyOne(List<T> items, Function<T, Boolean> flag, FlagSetter<T> set,
                                          String field, String flagName, List<FieldError> errors) {
        long flagged = items.stream().filter(i -> Boolean.TRUE.equals(flag.apply(i))).count();
        if (flagged > 1) {
            errors.add(new FieldError(field, "only one entry can be " + flagName));
            return items;
        }
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            result.add(set.apply(item, flagged == 0 ? i == 0 : Boolean.TRUE.equals(flag.apply(item))));
        }
        return result;
    }

    private interface FlagSetter<T> {
        T apply(T item, boolean value);
    }

    private static <T> void noDuplicates(List<T> items, Function<T, Object> identity, String field, String member,
                                         List<FieldError> errors) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(identity.apply(items.get(i)))) {
                errors.add(new FieldError(field + "[" + i + "]." + member, "appears more than once"));
            }
        }
    }

    private static <T> List<T> notPrimary(List<T> items, Function<T, T> demote) {
        return items.stream().map(demote).toList();
    }

    private static <T> List<T> union(List<T> mine, List<T> theirs, Function<T, Object> identity) {
        Map<Object, T> result = new LinkedHashMap<>();
        mine.forEach(item -> result.put(identity.apply(item), item));
        theirs.forEach(item -> result.putIfAbsent(identity.apply(item), item));
        return List.copyOf(result.values());
    }

    private static <T> void replace(List<T> target, List<T> values) {
        if (!target.equals(values)) {
            target.clear();
            target.addAll(values);
        }
    }

    private static List<String> changedFields(CustomerDraft before, CustomerDraft after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.givenName(), after.givenName()) || !Objects.equals(before.familyName(), after.familyName())) {
            changed.add("name");
        }
        if (!before.emails().equals(after.emails())) changed.add("emails");
        if (!before.phones().equals(after.phones())) changed.add("phones");
        if (!before.addresses().equals(after.addresses())) changed.add("addresses");
        if (!before.externalReferences().equals(after.externalReferences())) changed.add("externalReferences");
        if (!before.preferences().equals(after.preferences())) changed.add("preferences");
        return changed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
