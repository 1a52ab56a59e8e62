package dev.anchor.blocks.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling, read the same way in every service: id, display name, role, and a partner's location. */
@RequestScoped
public class CurrentCaller {

    /** The claim naming a partner's store or repair centre. */
    public static final String LOCATION_CLAIM = "location";
    /** The claim with the caller's human-readable name. */
    public static final String NAME_CLAIM = "name";

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject (principal name). */
    public String id() {
        return identity.getPrincipal().getName();
    }

    /** The {@code name} claim, or the id when the token has none. */
    public String displayName() {
        return claim(NAME_CLAIM).orElse(id());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** A store or repair partner and nothing more: sees the narrow, location-bound view. */
    public boolean isPartnerOnly() {
        return identity.hasRole(Roles.PARTNER) && !identity.hasRole(Roles.AGENT)
                && !identity.hasRole(Roles.SUPERVISOR) && !identity.hasRole(Roles.SYSTEM);
    }

    /** The partner's location from the {@code location} claim. */
    public Optional<String> location() {
        return claim(LOCATION_CLAIM);
    }

    /** A string claim of the bearer token, trimmed; empty when absent or blank. */
    public Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value instanceof JsonString json ? json.getString() : value.toString();
                return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
            }
        }
        return Optional.empty();
    }
}
