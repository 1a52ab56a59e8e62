package dev.anchor.customer.api.preferences;

/** A preferences-page request no browser using our pages sends: no token, an overlong one, a form not well-formed. */
class UnreadableRequest extends RuntimeException {

    UnreadableRequest(String detail) {
        super(detail, null, false, false);
    }
}
