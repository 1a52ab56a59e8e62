package dev.anchor.contact.api;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.contact.domain.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request as the contact domain sees it: staff or service, or a partner bound to its location. */
@RequestScoped
public class Callers {

    private final CurrentCaller caller;

    public Callers(CurrentCaller caller) {
        this.caller = caller;
    }

    public Caller current() {
        if (!caller.isPartnerOnly()) {
            return Caller.staff(caller.id());
        }
        String location = caller.location().orElseThrow(() ->
                Problems.forbidden("A partner token must name its location (claim `" + CurrentCaller.LOCATION_CLAIM + "`)"));
        return new Caller(caller.id(), true, location);
    }
}
