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
            return Caller.staff(token.id());
        }
        String location = token.location().orElseThrow(() ->
                Problems.forbidden("A partner token must name its location (claim `" + CurrentCaller.LOCATION_CLAIM + "`)"));
        return new Caller(token.id(), true, location);
    }
}
