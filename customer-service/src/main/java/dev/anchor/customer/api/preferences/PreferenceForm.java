package dev.anchor.customer.api.preferences;

import dev.anchor.blocks.page.StrictForm;

import java.util.Optional;
import java.util.Set;

/**
 * A preferences-page form body read strictly ({@link StrictForm}, as the status page reads its own), and only as the
 * page sends it: at most {@value #MAX_BODY} bytes, only the page's fields, each once and at most {@value #MAX_VALUE}
 * characters. Anything else is unreadable as a whole (a 400 that changes nothing).
 */
final class PreferenceForm {

    static final int MAX_BODY = 4096;
    /** Longer than any token SignedLinks makes (512) or any value the page's fields take. */
    static final int MAX_VALUE = 600;

    private PreferenceForm() {
    }

    /** The fields of {@code body}, or empty when it is not a well-formed form of only {@code allowed} fields. */
    static Optional<StrictForm> read(byte[] body, Set<String> allowed) {
        if (body == null || body.length > MAX_BODY) {
            return Optional.empty();
        }
        return StrictForm.read(body).flatMap(form -> form.only(allowed, MAX_VALUE));
    }
}
