package dev.anchor.blocks.http;

import dev.anchor.blocks.idempotency.IdempotentCreates;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.blocks.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Headers are read as sent, never guessed: a body without a Content-Type is not taken for JSON (415), and an empty
 * Idempotency-Key or If-Match is refused (400) rather than read as absent — a retry that thinks it is safe must be.
 */
public class RequestHeaders {

    private static final List<String> NOT_EMPTY = List.of(IdempotentCreates.HEADER, HttpHeaders.IF_MATCH);

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        boolean body = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (body && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw ProblemException.of(415, "unsupported-media-type", "Unsupported media type",
                    "The body has no Content-Type; send it as application/json");
        }
        for (String header : NOT_EMPTY) {
            List<String> values = request.getHeaders().get(header);
            if (values != null && values.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw Problems.badRequest("The " + header + " header is empty; leave it out or give it a value");
            }
        }
    }
}
