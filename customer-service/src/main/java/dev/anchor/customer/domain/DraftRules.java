package dev.anchor.customer.domain;

import dev.anchor.blocks.refusal.Refused;
import dev.anchor.blocks.refusal.InvalidFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The rules a draft follows on its way onto a customer, beyond what Bean Validation expresses. */
final class DraftRules {

    private DraftRules() {
    }

    /** Normalises and checks the draft, then writes it onto the aggregate. */
    static void apply(Customer customer, CustomerDraft draft) {
        List<InvalidFields.Field> errors = new ArrayList<>();
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
            throw new InvalidFields(errors);
        }
        Preferences preferences = draft.preferences();
        boolean reachable = !emails.isEmpty() || !phones.isEmpty();
        if (reachable && preferences.preferredChannel() == Channel.email && emails.isEmpty()) {
            throw new Refused("The preferred channel is email but the customer has no email address");
        }
        if (reachable && preferences.preferredChannel() == Channel.sms && phones.isEmpty()) {
            throw new Refused("The preferred channel is sms but the customer has no phone number");
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

    /** A new customer without preferences gets the defaults for the channel they gave (email when both). */
    static CustomerDraft withDefaultPreferences(CustomerDraft draft) {
        if (draft.preferences() != null) {
            return draft;
        }
        Channel channel = draft.emailsOrEmpty().isEmpty() && !draft.phonesOrEmpty().isEmpty() ? Channel.sms : Channel.email;
        return new CustomerDraft(draft.givenName(), draft.familyName(), draft.emails(), draft.phones(), draft.addresses(),
                draft.externalReferences(), Preferences.defaults(channel));
    }

    /** The top-level fields (as customer.updated names them, plus preferences) that differ. */
    static List<String> changedFields(CustomerDraft before, CustomerDraft after) {
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

    /** One flagged element (primary, mailing): none flagged makes the first one it; several is an error. */
    private static <T> List<T> exactlyOne(List<T> items, Function<T, Boolean> flag, FlagSetter<T> set,
                                          String field, String flagName, List<InvalidFields.Field> errors) {
        long flagged = items.stream().filter(i -> Boolean.TRUE.equals(flag.apply(i))).count();
        if (flagged > 1) {
            errors.add(new InvalidFields.Field(field, "only one entry can be " + flagName));
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
                                         List<InvalidFields.Field> errors) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(identity.apply(items.get(i)))) {
                errors.add(new InvalidFields.Field(field + "[" + i + "]." + member, "appears more than once"));
            }
        }
    }

    private static <T> void replace(List<T> target, List<T> values) {
        if (!target.equals(values)) {
            target.clear();
            target.addAll(values);
        }
    }
}
