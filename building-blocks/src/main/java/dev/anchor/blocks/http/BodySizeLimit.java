package dev.anchor.blocks.http;

import dev.anchor.blocks.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses oversized bodies with a 413 problem before anything reads them. */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "anchor.http.max-body-size", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw ProblemException.of(413, "payload-too-large", "Payload too large",
                    "The body has " + request.getLength() + " bytes; at most " + maxBytes + " are accepted");
        }
    }
}
