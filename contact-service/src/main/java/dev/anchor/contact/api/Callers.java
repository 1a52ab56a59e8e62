package dev.anchor.contact.api;

import dev.anchor.blocks.problem.Problems;
import dev.anchor.blocks.security.Roles;
import dev.anchor.contact.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of this request: staff or service, or a partner bound to the location in its token's `location` claim. */
@RequestScoped
public class Callers {

    public static final String LOCATION_CLAIM = "location";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        String name = identity.getPrincipal().getName();
        boolean partnerOnly = identity.hasRole(Roles.PARTNER) && !identity.hasRole(Roles.AGENT)
                && !identity.hasRole(Roles.SUPERVISOR) && !identity.hasRole(Roles.SYSTEM);
        if (!partnerOnly) {
            return Caller.staff(name);
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(LOCATION_CLAIM) : null;
        String location = claim == null ? null : claim.toString().replace("\"", "").trim();
        if (location == null || location.isEmpty()) {
            throw Problems.forbidden("A partner token must name its location (claim `location`)");
        }
        return new Caller(name, true, location);
    }
}
