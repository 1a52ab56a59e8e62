package dev.anchor.issue.domain;

import dev.anchor.blocks.refusal.InvalidFields;

/** What a location id (a store or repair partner, the partner token's {@code location} claim) may look like. */
public final class Locations {

    public static final String PATTERN = "[A-Za-z0-9._:-]+";
    public static final String PATTERN_MESSAGE = "letters, digits and . _ : - only";
    public static final int MAX_LENGTH = 100;

    private Locations() {
    }

    /** {@code value} as a location id, or {@link InvalidFields} naming {@code field}. */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw InvalidFields.of(field, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidFields.of(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!value.matches(PATTERN)) {
            throw InvalidFields.of(field, PATTERN_MESSAGE);
        }
        return value;
    }
}
