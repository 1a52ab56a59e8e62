package dev.anchor.system.faults;

import dev.anchor.system.journey.RunningSuite;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The suite's processes as {@code ./suite} keeps them: a pid per part in {@code .suite/run/pids/}, checked against its
 * command line (as the launcher's {@code pid_of} does), {@code ./suite up} to start what is not running, and each
 * service's readiness on its management port.
 */
final class SuiteProcesses {

    static final List<String> SERVICES = List.of("customer", "issue", "contact", "notification");
    private static final Path RUN = RunningSuite.ROOT.resolve(".suite/run");
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

    private final int offset;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    SuiteProcesses(RunningSuite suite) {
        this.offset = suite.offset;
    }

    /** A part of the suite as {@code .suite/lib} names it, and what its command line contains. */
    record Part(String name, String marker) {
        static Part service(String service) {
            return new Part(service, service + "-service/target/quarkus-app/quarkus-run.jar");
        }

        static final Part KAFKA = new Part("kafka", "kafka.Kafka");
        static final Part SMTP = new Part("smtp", "greenmail-standalone");
        static final Part SMS = new Part("sms", "SmsSink");
    }

    /** The running process of a part; fails when ./suite does not know it as running. */
    ProcessHandle process(Part part) {
        try {
            long pid = Long.parseLong(Files.readString(RUN.resolve("pids/" + part.name() + ".pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException(part.name() + " (pid " + pid + ") is not running"));
            String commandLine = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            if (!commandLine.contains(part.marker())) {
                throw new IllegalStateException("pid " + pid + " is not " + part.name() + ": " + commandLine);
            }
            return process;
        } catch (IOException e) {
            throw new IllegalStateException(part.name() + " is not running under ./suite (no pid file)", e);
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. Answers its pid once it is gone. */
    long kill(Part part) {
        ProcessHandle process = process(part);
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(30));
        return process.pid();
    }

    /** SIGTERM and, after {@code grace}, SIGKILL — as {@code ./suite down} stops a part. Answers its pid. */
    long stop(Part part, Duration grace) {
        ProcessHandle process = process(part);
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(30));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("stopping " + part.name(), e);
        }
        return process.pid();
    }

    private static void awaitExit(ProcessHandle process, Duration atMost) {
        try {
            process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("pid " + process.pid() + " did not exit within " + atMost, e);
        }
    }

    /** {@code ./suite up}: starts only what is not running and waits for it (output in target/faults-suite-up.log). */
    void up() {
        Path log = Path.of("target", "faults-suite-up.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("./suite", "up").directory(RunningSuite.ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException("./suite up did not finish within " + UP_TIMEOUT + " (log " + log + ")");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./suite up failed with " + process.exitValue() + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./suite up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in ./suite up", e);
        }
    }

    /** The launcher's own state file (e.g. {@code kafka.owner}), or null. */
    String state(String name) {
        try {
            return Files.readString(RUN.resolve("state/" + name));
        } catch (IOException e) {
            return null;
        }
    }

    void state(String name, String value) {
        try {
            Files.writeString(RUN.resolve("state/" + name), value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write .suite/run/state/" + name, e);
        }
    }

    /** Whether the service answers 200 on {@code /q/health/ready} of its management port (bounded at 3 s). */
    boolean ready(String service) {
        String url = "http://127.0.0.1:" + (9181 + SERVICES.indexOf(service) + offset) + "/q/health/ready";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean allReady() {
        return SERVICES.stream().allMatch(this::ready);
    }

    /**
     * The time from {@code since} until all four services were ready again, polled every 200 ms for at most
     * {@code atMost}; null when they were not ready by then.
     */
    Duration awaitAllReady(Instant since, Duration atMost) {
        try {
            Awaitility.await("all four services ready").atMost(atMost).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(this::allReady);
            return Duration.between(since, Instant.now());
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    /** The last lines of a service's log in .suite/run/logs/, for a report. */
    static String logTail(String name, int lines) {
        return tail(RUN.resolve("logs/" + name + ".log"), lines);
    }

    private static String tail(Path log) {
        return tail(log, 30);
    }

    private static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log " + log + ": " + e.getMessage() + ")";
        }
    }
}
