package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.refusal.ExpectedVersion;
import dev.anchor.blocks.refusal.StaleVersion;
import jakarta.ws.rs.core.EntityTag;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strong ETags from an aggregate's version, and the {@code If-Match} check that turns a stale write into 412. */
public final class ETags {

    private static final Pattern VERSION_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,18})\"");

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The versions an {@code If-Match} names: any when absent, blank or {@code *}; else the strong ETags listed. */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return ExpectedVersion.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            Matcher matcher = VERSION_TAG.matcher(tag.trim());
            if (matcher.matches()) {
                try {
                    versions.add(Long.parseLong(matcher.group(1)));
                } catch (NumberFormatException e) {
                    // beyond any version: matches none
                }
            }
        }
        return ExpectedVersion.oneOf(versions);
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or names the current version; throws 412 otherwise. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        try {
            expected(ifMatch).check(currentVersion);
        } catch (StaleVersion e) {
            throw Problems.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version \""
                    + currentVersion + "\"; read the resource again and reapply your change");
        }
    }
}
