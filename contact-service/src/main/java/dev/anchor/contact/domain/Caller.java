package dev.anchor.contact.domain;

/**
 * Who is asking: {@code name} is the login id, {@code displayName} the name a customer may read. A partner (store or repair centre) is bound to its location: what it sees is its
 * {@link PartnerScope}; it writes only its own location's contacts and never internal notes; staff and services see
 * everything.
 */
public record Caller(String name, String displayName, boolean partner, String location) {

    /** Staff or a service; {@code displayName} is the name people read, or null when the token gives none. */
    public static Caller staff(String name, String displayName) {
        return new Caller(name, displayName, false, null);
    }

    public static Caller staff(String name) {
        return staff(name, null);
    }

    public boolean seesInternal() {
        return !partner;
    }

    public PartnerScope scope() {
        return PartnerScope.of(this);
    }
}
