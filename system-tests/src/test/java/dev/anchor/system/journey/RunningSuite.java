package dev.anchor.system.journey;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole suite as users run it: PostgreSQL, Kafka, GreenMail, the SMS sink and the four packaged services.
 *
 * <p>When all four services already answer 200 on {@code /q/health/ready} (management ports) they are reused (a developer's
 * {@code ./suite up}); otherwise this runs the README's {@code ./suite up} from the repository root (output in
 * {@code target/suite-up.log}, bounded wait) and {@code ./suite down} once after the last test class (only
 * {@code --services} when a developer's infrastructure was already running), so the run command cannot silently
 * break. Ports follow {@code SUITE_PORT_OFFSET} like the launcher's.
 *
 * <p>Register with {@code @ExtendWith(RunningSuite.Extension.class)} and get it with {@link #get()}.
 */
public final class RunningSuite {

    public static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> SERVICES = List.of("customer", "issue", "contact", "notification");

    private static RunningSuite instance;

    public final int offset;
    private final boolean startedHere;
    /** The infrastructure was running before this started the services, and not for ./suite test: leave it. */
    private final boolean keepInfra;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningSuite(int offset, boolean startedHere, boolean keepInfra) {
        this.offset = offset;
        this.startedHere = startedHere;
        this.keepInfra = keepInfra;
    }

    private static IllegalStateException failure;

    /** The suite, started on first use when it is not already running, and warmed up. */
    public static synchronized RunningSuite get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null) {
            RunningSuite suite = start();
            try {
                suite.warmUp();
            } catch (RuntimeException | Error e) {
                suite.stop();
                failure = new IllegalStateException("the suite did not warm up", e);
                throw failure;
            }
            instance = suite;
        }
        return instance;
    }

    /**
     * Ready on {@code /q/health/ready} is not yet warm: right after a start the Kafka consumers may still be joining
     * their groups or replaying older events, and the journeys' propagation figures would measure that instead of
     * the suite at work. So before any journey, canary customers are registered and given an issue until one's
     * opening email is sent — bounded, and recorded as a figure.
     */
    private void warmUp() {
        Anchor anchor = new Anchor(this);
        Anchor.Caller agent = Anchor.Caller.agent("system-tests.warm-up");
        token(agent.role(), agent.sub(), null);
        long since = Propagations.now();
        Propagations figures = new Propagations("suite warm-up");
        int[] canaries = {0};
        // generous: a suite whose consumers find a long history on the topics (earlier runs) first catches up
        figures.await("ready → first canary email sent (every consumer caught up)", since, Duration.ofMinutes(8), () -> {
            canaries[0]++;
            return canary(anchor, agent);
        }, sent -> sent);
        System.out.println("[suite] warm after " + canaries[0] + " canary customer(s)");
    }

    /** One canary: true when its opening message was sent, false when it was decided otherwise. */
    private static boolean canary(Anchor anchor, Anchor.Caller agent) {
        String email = "warm-up." + Anchor.unique(12) + "@example.com";
        JsonNode customer = Anchor.expect(anchor.customers(agent)
                .contentType("application/json").header("Idempotency-Key", Anchor.idempotencyKey())
                .body(Map.of("givenName", "Warm", "familyName", "Up", "emails", List.of(Map.of("address", email)),
                        "preferences", Anchor.preferences("email")))
                .post("/customers"), 201, "register a canary customer");
        String key = Anchor.idempotencyKey();
        Map<String, Object> draft = Map.of("customerId", customer.path("id").asText(), "title", "Warm-up",
                "channel", "web", "takeOwnership", true);
        AtomicReference<JsonNode> issue = new AtomicReference<>();
        Awaitility.await("canary issue").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = anchor.issues(agent).contentType("application/json").header("Idempotency-Key", key)
                    .body(draft).post("/issues");
            if (response.statusCode() == 201) {
                issue.set(Anchor.json(response));
                return true;
            }
            if (response.statusCode() != 422) {
                throw new IllegalStateException("canary issue: " + response.statusCode() + " " + response.asString());
            }
            return false; // issue-service does not know the customer yet
        });
        String issueId = issue.get().path("id").asText();
        AtomicReference<JsonNode> decided = new AtomicReference<>();
        Awaitility.await("canary message decided").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    for (JsonNode n : Anchor.items(Anchor.expect(anchor.notifications(agent).queryParam("issueId", issueId)
                            .get("/notifications"), 200, "canary notifications"))) {
                        if ("issue.opened".equals(n.at("/trigger/type").asText()) && !"queued".equals(n.path("status").asText())) {
                            decided.set(n);
                        }
                    }
                    return decided.get() != null;
                });
        JsonNode opening = decided.get();
        System.out.println("[suite] canary " + issue.get().path("number").asText() + ": " + opening.path("status").asText()
                + (opening.hasNonNull("reason") ? " (" + opening.path("reason").asText() + ")" : ""));
        return Set.of("sent", "delivered").contains(opening.path("status").asText());
    }

    public String customerService() {
        return url(8081);
    }

    public String issueService() {
        return url(8082);
    }

    public String contactService() {
        return url(8083);
    }

    public String notificationService() {
        return url(8084);
    }

    /** GreenMail's REST API: {@code GET /api/user/{email}/messages/}. */
    public String mailApi() {
        return url(8025);
    }

    /** GreenMail's SMTP port on 127.0.0.1, where a customer's reply is sent. */
    public int smtpPort() {
        return 2525 + offset;
    }

    /** The SMS sink: {@code GET /messages?to=+44...}. */
    public String smsSink() {
        return url(8090);
    }

    private String url(int port) {
        return "http://127.0.0.1:" + (port + offset);
    }

    /** A JWT minted by {@code ./suite token} with the suite's own key; one per role, subject and location. */
    public String token(String role, String sub, String location) {
        return tokens.computeIfAbsent(role + "|" + sub + "|" + location, key -> {
            List<String> command = new ArrayList<>(List.of("./suite", "token", "--role", role, "--sub", sub));
            if (location != null) {
                command.addAll(List.of("--location", location));
            }
            Result result = run(command, null, Duration.ofSeconds(60));
            if (result.exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exit + "; stderr in "
                        + "target/suite-commands.log):\n" + result.out);
            }
            return result.out.strip();
        });
    }

    public String token(String role, String sub) {
        return token(role, sub, null);
    }

    // ---- start and stop --------------------------------------------------------------------------

    private static RunningSuite start() {
        int offset = offset();
        RunningSuite probe = new RunningSuite(offset, false, true);
        if (probe.allReady()) {
            System.out.println("[suite] reusing the running services (SUITE_PORT_OFFSET=" + offset + ")");
            return probe;
        }
        Path log = Path.of("target", "suite-up.log").toAbsolutePath();
        System.out.println("[suite] services not running: ./suite up (SUITE_PORT_OFFSET=" + offset + ", log " + log + ")");
        long t0 = System.nanoTime();
        // a developer's own infrastructure stays up; under ./suite test (SUITE_TEST) this run owns all of it
        boolean keepInfra = probe.kafkaRunning() && System.getenv("SUITE_TEST") == null;
        RunningSuite suite = new RunningSuite(offset, true, keepInfra);
        Result up = run(List.of("./suite", "up"), log, UP_TIMEOUT);
        if (up.exit != 0) {
            String tail = tail(log);
            suite.stop();
            throw new IllegalStateException("./suite up failed (exit " + up.exit + ", log " + log + "):\n" + tail);
        }
        if (!suite.allReady()) {
            suite.stop();
            throw new IllegalStateException("./suite up succeeded but the services are not ready:\n" + tail(log));
        }
        System.out.printf("[suite] ./suite up took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
        return suite;
    }

    private void stop() {
        if (!startedHere) {
            return;
        }
        Path log = Path.of("target", "suite-down.log").toAbsolutePath();
        List<String> command = keepInfra ? List.of("./suite", "down", "--services") : List.of("./suite", "down");
        Result down = run(command, log, DOWN_TIMEOUT);
        System.out.println("[suite] " + String.join(" ", command) + ": exit " + down.exit + " (log " + log + ")");
    }

    private boolean kafkaRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 9092 + offset), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean allReady() {
        // health is on each service's management port (9181–9184 locally), never on its API port
        return SERVICES.stream().allMatch(service -> ready(url(9181 + SERVICES.indexOf(service))));
    }

    private boolean ready(String base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int offset() {
        String value = System.getenv("SUITE_PORT_OFFSET");
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
    }

    private record Result(int exit, String out) {
    }

    /**
     * Runs a command in the repository root, bounded in time. With a {@code log}, stdout and stderr both go there;
     * without, stdout is the answer and stderr (progress lines such as "generating an RSA key pair" on first use)
     * goes to {@code target/suite-commands.log}.
     */
    private static Result run(List<String> command, Path log, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
            Path out;
            if (log == null) {
                out = Files.createTempFile("suite-", ".out");
                Path errors = Path.of("target", "suite-commands.log").toAbsolutePath();
                Files.createDirectories(errors.getParent());
                builder.redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
            } else {
                out = log;
                Files.createDirectories(out.getParent());
                builder.redirectErrorStream(true);
            }
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                return new Result(-1, String.join(" ", command) + " did not finish within " + timeout);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (log == null) {
                Files.deleteIfExists(out);
            }
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Starts (or reuses) the suite before the first journey class and, once every class has run, prints all
     * propagation figures and runs {@code ./suite down} when it started the suite.
     */
    public static final class Extension implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(RunningSuite.class))
                    .getOrComputeIfAbsent("suite", key -> new Closing(get()), Closing.class);
        }
    }

    private record Closing(RunningSuite suite) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            System.out.println(Propagations.ALL.table("Propagation figures of every journey"));
            suite.stop();
        }
    }
}
