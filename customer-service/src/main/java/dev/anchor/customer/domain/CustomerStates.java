package dev.anchor.customer.domain;

import dev.anchor.customer.events.out.CustomerState;

/** A customer as its events carry it. */
final class CustomerStates {

    private CustomerStates() {
    }

    static CustomerState of(Customer c) {
        return new CustomerState(c.id, CustomerState.Status.valueOf(c.status.name()), c.givenName, c.familyName,
                c.displayName(),
                c.emails.stream().map(e -> new CustomerState.Email(e.address(), e.label(), e.primary())).toList(),
                c.phones.stream().map(p -> new CustomerState.Phone(p.number(), p.label(), p.primary())).toList(),
                c.addresses.stream().map(a -> new CustomerState.Address(a.label(), a.line1(), a.line2(), a.postalCode(),
                        a.city(), a.region(), a.country(), a.mailing())).toList(),
                c.externalReferences.stream().map(r -> new CustomerState.Reference(r.system(), r.value(), r.region()))
                        .toList(),
                preferences(c.preferences()), c.mergedInto, c.version, c.createdAt, c.updatedAt);
    }

    private static CustomerState.Preferences preferences(Preferences p) {
        Preferences.QuietHours quiet = p.quietHours();
        Preferences.Consent consent = p.consent();
        return new CustomerState.Preferences(
                p.preferredChannel() == null ? null : CustomerState.Channel.valueOf(p.preferredChannel().name()),
                p.fallbackAllowed(), p.language(), p.timeZone(),
                quiet == null ? null : new CustomerState.QuietHours(quiet.start(), quiet.end()),
                new CustomerState.Consent(consent.critical(), consent.service(), consent.marketing()));
    }
}
