package dev.anchor.blocks.locale;

import java.util.Locale;
import java.util.Set;

/** How a place's town and post code are written in its country, the same on the status page and in every message. */
public final class PostalAddress {

    /** Countries whose addresses put the post code after the town ("Leeds LS1 4AP"); elsewhere before ("10115 Berlin"). */
    private static final Set<String> POSTCODE_AFTER_TOWN = Set.of("GB", "IE", "US", "CA", "AU", "NZ");

    private PostalAddress() {
    }

    /** The town line: the town with its post code where the country puts it (the town alone without one). */
    public static String townLine(String town, String postalCode, String country) {
        if (postalCode == null || postalCode.isBlank()) {
            return town;
        }
        boolean after = country != null && POSTCODE_AFTER_TOWN.contains(country.toUpperCase(Locale.ROOT));
        return after ? town + " " + postalCode : postalCode + " " + town;
    }
}
