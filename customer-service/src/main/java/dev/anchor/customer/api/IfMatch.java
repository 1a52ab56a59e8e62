package dev.anchor.customer.api;

import dev.anchor.customer.domain.ExpectedVersion;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The versions an {@code If-Match} header names, read the way building-blocks' ETags compares them. */
final class IfMatch {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(-?[0-9]{1,19})\"");

    private IfMatch() {
    }

    /** Absent, blank or {@code *}: any version; otherwise the strong ETags listed (others never match). */
    static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return ExpectedVersion.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            Matcher matcher = VERSION_TAG.matcher(tag.trim());
            if (matcher.matches()) {
                try {
                    long version = Long.parseLong(matcher.group(1));
                    if (Long.toString(version).equals(matcher.group(1))) {
                        versions.add(version);
                    }
                } catch (NumberFormatException e) {
                    // beyond any version: matches none
                }
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
