package dev.anchor.contact.domain;

/**
 * Who is asking. A partner (store or repair centre) sees and writes only its own location's contacts and never
 * internal notes or internal entries; staff and services see everything.
 */
public record Caller(String name, boolean partner, String location) {

    public static Caller staff(String name) {
        return new Caller(name, false, null);
    }

    public boolean seesInternal() {
        return !partner;
    }

    public boolean mayRead(Contact contact) {
        return !partner || location.equals(contact.locationId);
    }
}
