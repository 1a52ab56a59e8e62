package dev.anchor.system.trust;

import dev.anchor.system.journey.RunningSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 12 ("Trust"): every operation the four running services document is driven with generated bad input
 * and every wrong caller, and must answer below 500, refuse what is certainly wrong with a problem+json 4xx naming no
 * Java type, and write nothing — no event about a seeded target on any topic, no target's ETag changed.
 *
 * <p>All failures are collected and reported together (grouped, and in full in
 * {@code target/generated-bad-input-failures.txt}). Bounded: each field gets a fixed set of values (about twenty per
 * type), arrays only their first element, and requests run on three connections at a time.
 */
@ExtendWith(RunningSuite.Extension.class)
class GeneratedBadInputTest {

    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>(Map.of());
    private static final int PARALLEL = 3;
    private static final Duration SEND_BUDGET = Duration.ofMinutes(6);
    private static final Duration QUIET = Duration.ofSeconds(4);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    static {
        SERVICES.put("customer-service", 8081);
        SERVICES.put("issue-service", 8082);
        SERVICES.put("contact-service", 8083);
        SERVICES.put("notification-service", 8084);
    }

    /** One broken rule: where, with what, what came back. */
    private record Failure(String service, String operation, String mutation, int status, String problem,
                           String excerpt) {
        String line() {
            return service + " " + operation + " | " + mutation + " | " + (status == 0 ? "-" : status) + " | "
                    + problem + " | " + excerpt;
        }
    }

    @Test
    void everyOperationRefusesBadInputWithAProblemAndWritesNothing() throws Exception {
        RunningSuite suite = RunningSuite.get();
        Tokens tokens = new Tokens();
        List<ApiOperation> operations = new ArrayList<>();
        for (var service : SERVICES.entrySet()) {
            operations.addAll(OpenApiReader.operations(service.getKey(), service.getValue() + suite.offset));
        }
        Seeds seeds = new Seeds(suite, tokens);
        seeds.plant();
        byte[] callbackSecret = Files.readString(RunningSuite.ROOT.resolve(".suite/run/keys/callback-secret"))
                .strip().getBytes(StandardCharsets.UTF_8);

        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        try (EventWatch events = new EventWatch("127.0.0.1:" + (9092 + suite.offset))) {
            // the seeding's own consequences (replicas, the opening notification) settle before anything is judged
            if (!events.awaitQuiet(QUIET, Duration.ofMinutes(1))) {
                System.out.println("[trust] the topics never went quiet after seeding; judging events anyway");
            }
            events.drain();
            Map<String, String> before = seeds.versions();

            Mutations mutations = new Mutations(seeds, tokens, callbackSecret, operations);
            List<BadRequest> requests = new ArrayList<>();
            for (ApiOperation op : operations) {
                if (op.isRead() || (op.isCreate() && op.needsToken())) { // a provider callback is no create
                    requests.add(mutations.baselineRequest(op));
                }
                requests.addAll(mutations.of(op));
            }
            requests.addAll(outsideTheDocuments(operations, tokens, suite.offset));

            long started = System.nanoTime();
            Map<String, AtomicInteger> sent = send(requests, failures);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            boolean quiet = events.awaitQuiet(QUIET, Duration.ofSeconds(30));
            List<EventWatch.Event> seen = events.drain();
            List<String> targetIds = seeds.targetIds();
            for (EventWatch.Event event : seen) {
                if (targetIds.contains(event.key()) || targetIds.contains(event.subject())) {
                    failures.add(new Failure("broker", event.topic(), "during the bad input", 0,
                            "write: event about a target", event.type() + " subject " + event.subject()));
                }
            }
            Map<String, String> after = seeds.versions();
            for (var target : before.entrySet()) {
                if (!target.getValue().equals(after.get(target.getKey()))) {
                    failures.add(new Failure("targets", target.getKey(), "re-read after the bad input", 0,
                            "write: version changed", target.getValue() + " → " + after.get(target.getKey())));
                }
            }

            System.out.println(report(operations, requests, sent, seconds, seen, quiet, events.topics, failures));
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " answers broke the rules (grouped above, in full in "
                + "target/generated-bad-input-failures.txt)");
    }

    /** An unknown path per service and, per documented path, a method it does not document. */
    private static List<BadRequest> outsideTheDocuments(List<ApiOperation> operations, Tokens tokens, int offset) {
        List<BadRequest> requests = new ArrayList<>();
        String token = "Bearer " + tokens.valid("supervisor");
        for (var service : SERVICES.entrySet()) {
            ApiOperation unknown = new ApiOperation(service.getKey(), service.getValue() + offset, "GET",
                    "/trust-unknown-path", List.of(), null, null, List.of("supervisor"), List.of());
            requests.add(new BadRequest(unknown, "unknown path", true, 404, new RawHttp.Request("GET",
                    unknown.path(), List.of(Map.entry("Authorization", token), Map.entry("Accept", "application/json")),
                    null, false)));
        }
        Map<String, List<ApiOperation>> byPath = operations.stream()
                .collect(Collectors.groupingBy(op -> op.service() + " " + op.path(), LinkedHashMap::new,
                        Collectors.toList()));
        for (List<ApiOperation> same : byPath.values()) {
            Set<String> documented = same.stream().map(ApiOperation::method).collect(Collectors.toSet());
            String method = METHODS.stream().sorted().filter(m -> !documented.contains(m)).findFirst().orElse(null);
            if (method == null) {
                continue;
            }
            ApiOperation first = same.get(0);
            String target = first.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            ApiOperation undocumented = new ApiOperation(first.service(), first.port(), method, first.path(),
                    List.of(), null, null, List.of("supervisor"), List.of());
            requests.add(new BadRequest(undocumented, "undocumented method", true, 405, new RawHttp.Request(method,
                    target, List.of(Map.entry("Authorization", token), Map.entry("Accept", "application/json"),
                    Map.entry("Content-Type", "application/json")), "{}".getBytes(StandardCharsets.UTF_8), false)));
        }
        return requests;
    }

    private static Map<String, AtomicInteger> send(List<BadRequest> requests, List<Failure> failures)
            throws InterruptedException {
        Map<String, AtomicInteger> sent = new TreeMap<>();
        SERVICES.keySet().forEach(service -> sent.put(service, new AtomicInteger()));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (BadRequest request : requests) {
                futures.add(pool.submit(() -> {
                    sent.get(request.operation().service()).incrementAndGet();
                    judge(request, failures);
                }));
            }
            pool.shutdown();
            if (!pool.awaitTermination(SEND_BUDGET.toSeconds(), TimeUnit.SECONDS)) {
                failures.add(new Failure("test", "all", "sending", 0, "did not finish within " + SEND_BUDGET, ""));
                pool.shutdownNow();
            }
        } finally {
            pool.shutdownNow();
        }
        return sent;
    }

    private static void judge(BadRequest request, List<Failure> failures) {
        ApiOperation op = request.operation();
        String mutation = request.mutation() + (request.refuse() ? "" : " (may be valid)");
        try {
            RawHttp.Answer answer = RawHttp.send(op.port(), request.request());
            List<String> problems = new ArrayList<>(AnswerCheck.problems(request, answer));
            if (request.mutation().equals("baseline") && answer.status() / 100 != 2) {
                problems.add("baseline not 2xx");
            }
            for (String problem : problems) {
                failures.add(new Failure(op.service(), op.label(), mutation, answer.status(), problem,
                        excerpt(answer.text())));
            }
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(op.service(), op.label(), mutation, 0, "no HTTP answer", String.valueOf(e.getMessage())));
        }
    }

    private static String report(List<ApiOperation> operations, List<BadRequest> requests,
                                 Map<String, AtomicInteger> sent, long seconds, List<EventWatch.Event> seen,
                                 boolean quiet, List<String> topics, List<Failure> failures) throws IOException {
        StringBuilder out = new StringBuilder("\n[trust] generated bad input: ").append(operations.size())
                .append(" documented operations, ").append(requests.size()).append(" requests in ").append(seconds)
                .append(" s\n");
        sent.forEach((service, count) -> out.append("[trust]   ").append(service).append(": ").append(count)
                .append(" requests, ").append(operations.stream().filter(o -> o.service().equals(service)).count())
                .append(" operations\n"));
        long mayBeValid = requests.stream().filter(r -> !r.refuse()).count();
        out.append("[trust]   certainly bad: ").append(requests.size() - mayBeValid).append(", possibly valid (sent "
                + "only where they cannot write on a target): ").append(mayBeValid).append('\n');
        out.append("[trust]   topics watched: ").append(topics).append("; events during the run (creates of scratch "
                + "resources included): ").append(seen.size()).append(quiet ? "" : " (never quiet at the end)")
                .append('\n');
        // one line per kind of failure: operation, what broke, status, then examples
        Map<String, List<Failure>> grouped = failures.stream().collect(Collectors.groupingBy(
                f -> f.service() + " " + f.operation() + " | " + f.problem() + " | " + f.status(), TreeMap::new,
                Collectors.toList()));
        out.append("[trust] ").append(failures.size()).append(" failures in ").append(grouped.size())
                .append(" kinds\n");
        grouped.forEach((kind, list) -> out.append("  ").append(kind).append(" | ×").append(list.size())
                .append(" e.g. ").append(list.stream().limit(3).map(Failure::mutation).collect(Collectors.joining("; ")))
                .append(" | ").append(list.get(0).excerpt()).append('\n'));
        Path file = Path.of("target", "generated-bad-input-failures.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, failures.stream().map(Failure::line).sorted().toList(), StandardCharsets.UTF_8);
        return out.toString();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 157) + "…" : flat;
    }
}
