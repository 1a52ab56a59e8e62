package dev.anchor.customer.api;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.CurrentCaller;
import dev.anchor.customer.domain.PartnerScope;
import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link PartnerScope} of this request, read from its bearer token: everything for staff and services, the
 * token's location for a partner (403 when it names none, as in every service).
 */
@RequestScoped
public class CallerScope {

    private final CurrentCaller caller;

    public CallerScope(CurrentCaller caller) {
        this.caller = caller;
    }

    public PartnerScope current() {
        if (!caller.isPartnerOnly()) {
            return PartnerScope.EVERYTHING;
        }
        return PartnerScope.partnerAt(caller.location().orElseThrow(() -> Problems.forbidden(
                "A partner token must name its location (claim `" + CurrentCaller.LOCATION_CLAIM + "`)")));
    }
}
