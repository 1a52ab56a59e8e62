package dev.anchor.system.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * The machine's PostgreSQL restarted (every connection of every service cut) the way .suite/lib/postgresql.sh manages
 * the cluster: {@code pg_ctlcluster <version> main restart}, as root or through {@code sudo -n}. Only for a run that
 * owns the infrastructure ({@code ./suite test}): the server is shared.
 */
final class RestartedPostgres implements Fault {

    @Override
    public String kind() {
        return "postgres-restarted";
    }

    @Override
    public String inject(Ledger ledger) {
        String version = version();
        List<String> restart = asRoot(List.of("pg_ctlcluster", version, "main", "restart"));
        // where systemd runs, plain pg_ctlcluster goes through systemctl; without it, it must act directly
        if (run(restart) != 0 && run(asRoot(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main",
                "restart"))) != 0) {
            throw new IllegalStateException("could not restart PostgreSQL " + version + "/main (see target/faults-postgres.log)");
        }
        return "pg_ctlcluster " + version + " main restart";
    }

    @Override
    public Duration outage() {
        return Duration.ZERO; // a restart: down while it stops and starts
    }

    @Override
    public Instant restore() {
        Awaitility.await("PostgreSQL accepts connections").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(RestartedPostgres::accepting);
        return Instant.now(); // pg_ctlcluster returns once the server is up; this is when it accepts again
    }

    private static boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The newest cluster version under /etc/postgresql, as the launcher's pg_version finds it. */
    private static String version() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).filter(v -> v.matches("[0-9]+"))
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL cluster under /etc/postgresql", e);
        }
    }

    private static List<String> asRoot(List<String> command) {
        if ("root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> sudo = new ArrayList<>(List.of("sudo", "-n"));
        sudo.addAll(command);
        return sudo;
    }

    private static int run(List<String> command) {
        try {
            Path log = Path.of("target", "faults-postgres.log").toAbsolutePath();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
