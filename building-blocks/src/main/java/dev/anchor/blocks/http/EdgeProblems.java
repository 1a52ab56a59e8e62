package dev.anchor.blocks.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * problem+json for what is refused before REST sees the request: an overlong request target (414), oversized headers
 * (431), and a request the router cannot read (400, e.g. malformed percent-encoding). Vert.x's own limits are set
 * higher (quarkus.http.limits) so that these answer first; beyond those, Vert.x still closes with a bare status.
 */
@ApplicationScoped
public class EdgeProblems {

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[]{"bad-request", "Bad request", "The request cannot be read (malformed percent-encoding?)"},
            404, new String[]{"not-found", "Not found", "Nothing is served at this path"},
            405, new String[]{"method-not-allowed", "Method not allowed", "This path does not take this method"},
            413, new String[]{"payload-too-large", "Payload too large", "The body is too large"},
            414, new String[]{"uri-too-long", "URI too long", "The request target is too long"},
            431, new String[]{"header-fields-too-large", "Request header fields too large", "The headers are too large"});

    private final ObjectMapper mapper;
    private final int maxTargetLength;
    private final int maxHeaderBytes;

    public EdgeProblems(ObjectMapper mapper,
                        @ConfigProperty(name = "anchor.http.max-target-length", defaultValue = "8192") int maxTargetLength,
                        @ConfigProperty(name = "anchor.http.max-header-bytes", defaultValue = "16384") int maxHeaderBytes) {
        this.mapper = mapper;
        this.maxTargetLength = maxTargetLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void limits(RoutingContext context) {
        if (context.request().uri().length() > maxTargetLength) {
            answer(context, 414, "The request target has " + context.request().uri().length()
                    + " characters; at most " + maxTargetLength + " are accepted");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            answer(context, 431, "The headers have " + headerBytes + " bytes; at most " + maxHeaderBytes
                    + " are accepted");
            return;
        }
        context.next();
    }

    private void failure(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500 && KNOWN.containsKey(status) && !context.response().headWritten()) {
            answer(context, status, KNOWN.get(status)[2]);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status, String detail) {
        String[] known = KNOWN.get(status);
        Problem problem = new Problem(Problems.type(known[0]), known[1], status, detail, null, List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
