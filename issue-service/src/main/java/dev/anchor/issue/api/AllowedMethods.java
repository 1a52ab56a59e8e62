package dev.anchor.issue.api;

import dev.anchor.blocks.problem.Problem;
import dev.anchor.blocks.problem.ProblemException;
import dev.anchor.issue.api.statuspage.StatusPageResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 405 as problem+json with the {@code Allow} header the router leaves out: the methods come from the service's own
 * resources, each path template matched against the request's path.
 */
public class AllowedMethods {

    private static final List<Class<?>> RESOURCES = List.of(IssueResource.class, IssueCommandResource.class,
            AttachmentResource.class, StatusPageResource.class, LocationResource.class);
    private static final Map<Pattern, Set<String>> BY_PATH = methodsByPath();

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        Set<String> allowed = allowed(uri.getPath());
        String detail = "This path does not take " + request.getMethod()
                + (allowed.isEmpty() ? "" : "; it takes " + String.join(", ", allowed));
        Problem problem = ProblemException.of(405, "method-not-allowed", "Method not allowed", detail).problem()
                .withInstance(uri.getPath());
        Response.ResponseBuilder response = Response.status(405).type(Problem.MEDIA_TYPE).entity(problem);
        return (allowed.isEmpty() ? response : response.allow(allowed)).build();
    }

    static Set<String> allowed(String path) {
        return BY_PATH.entrySet().stream().filter(entry -> entry.getKey().matcher(path).matches())
                .flatMap(entry -> entry.getValue().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<Pattern, Set<String>> methodsByPath() {
        return RESOURCES.stream().flatMap(resource -> Stream.of(resource.getMethods())
                        .filter(method -> httpMethod(method) != null)
                        .map(method -> Map.entry(template(resource, method), httpMethod(method))))
                .collect(Collectors.groupingBy(entry -> entry.getKey(), Collectors.mapping(Map.Entry::getValue,
                        Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        entry -> Pattern.compile(entry.getKey()), entry -> Set.copyOf(entry.getValue())));
    }

    /** The path of {@code method} as a regular expression: each {@code {parameter}} is one segment. */
    private static String template(Class<?> resource, Method method) {
        String path = "/" + resource.getAnnotation(Path.class).value()
                + (method.isAnnotationPresent(Path.class) ? "/" + method.getAnnotation(Path.class).value() : "");
        String normalised = path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        return Stream.of(normalised.split("(?=\\{)|(?<=})"))
                .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part)).collect(Collectors.joining());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
