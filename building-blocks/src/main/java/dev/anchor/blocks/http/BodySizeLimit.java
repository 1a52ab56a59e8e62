package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversized bodies with a 413 problem before anything reads them: the shared limit, or a larger one for the
 * routes a service declares ({@link LargeBodies}).
 */
public class BodySizeLimit {

    private final long sharedMaxBytes;
    private final Instance<LargeBodies> larger;

    public BodySizeLimit(@ConfigProperty(name = "anchor.http.max-body-size", defaultValue = "65536") long maxBytes,
                         Instance<LargeBodies> larger) {
        this.sharedMaxBytes = maxBytes;
        this.larger = larger;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        long maxBytes = limitOf(request.getMethod(), request.getUriInfo().getPath());
        if (request.getLength() > maxBytes) {
            throw ProblemException.of(413, "payload-too-large", "Payload too large",
                    "The body has " + request.getLength() + " bytes; at most " + maxBytes + " are accepted");
        }
    }

    /** The limit of a body of {@code method} to {@code path}: the shared one unless a service declared a larger one. */
    long limitOf(String method, String path) {
        long limit = sharedMaxBytes;
        for (LargeBodies route : larger) {
            limit = Math.max(limit, route.maxBytes(method, path));
        }
        return limit;
    }
}
