package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.Problems;
import jakarta.ws.rs.core.EntityTag;

import java.util.Arrays;

/** Strong ETags from an aggregate's version, and the {@code If-Match} check that turns a stale write into 412. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or names the current version; throws 412 otherwise. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = "\"" + currentVersion + "\"";
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(current::equals);
        if (!matches) {
            throw Problems.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current version "
                    + current + "; read the resource again and reapply your change");
        }
    }
}
