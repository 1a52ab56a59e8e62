package dev.anchor.contact.domain;

/**
 * Who is asking. A partner (store or repair centre) is bound to its location: what it sees is its
 * {@link PartnerScope}; it writes only its own location's contacts and never internal notes; staff and services see
 * everything.
 */
public record Caller(String name, boolean partner, String location) {

    public static Caller staff(String name) {
        return new Caller(name, false, null);
    }

    public boolean seesInternal() {
        return !partner;
    }

    public PartnerScope scope() {
        return PartnerScope.of(this);
    }
}
