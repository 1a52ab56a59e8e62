package dev.anchor.contact.api;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.contact.domain.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * The domain's {@link Caller} of this request, read from its bearer token ({@link CurrentCaller}): staff or service,
 * or a partner bound to the location its token names (403 when it names none).
 */
@RequestScoped
public class CallerFromToken {

    private final CurrentCaller token;

    public CallerFromToken(CurrentCaller token) {
        this.token = token;
    }

    public Caller current() {
        if (!token.isPartnerOnly()) {
            return Caller.staff(token.id(), displayName());
        }
        String location = token.location().orElseThrow(() ->
                Problems.forbidden("A partner token must name its location (claim `" + CurrentCaller.LOCATION_CLAIM + "`)"));
        return new Caller(token.id(), displayName(), true, location);
    }

    /** The token's {@code name} claim: never the login id, which a customer should not read. */
    private String displayName() {
        return token.claim(CurrentCaller.NAME_CLAIM).orElse(null);
    }
}
