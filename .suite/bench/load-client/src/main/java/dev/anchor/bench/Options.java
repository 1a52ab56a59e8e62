package dev.anchor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of {@link LoadClient}; its class comment lists the options. */
final class Options {
    String url;
    String method = "GET";
    String body;
    final List<String> headers = new ArrayList<>();
    Path vars;
    Path record;
    double rate;
    int connections = 8;
    double seconds;
    long requests;
    double warmupSeconds;
    double timeoutSeconds = 30;
    int expectLow = 200;
    int expectHigh = 299;
    int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    long timeoutMillis() {
        return (long) (timeoutSeconds * 1000);
    }

    boolean expected(int status) {
        return status >= expectLow && status <= expectHigh;
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException("see the class comment of dev.anchor.bench.LoadClient");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--url" -> o.url = value;
                    case "--method" -> o.method = value.toUpperCase(Locale.ROOT);
                    case "--body" -> o.body = value;
                    case "--header" -> o.headers.add(value);
                    case "--vars" -> o.vars = Path.of(value);
                    case "--record" -> o.record = Path.of(value);
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--connections" -> o.connections = Integer.parseInt(value);
                    case "--seconds" -> o.seconds = Double.parseDouble(value);
                    case "--requests" -> o.requests = Long.parseLong(value);
                    case "--warmup" -> o.warmupSeconds = Double.parseDouble(value);
                    case "--timeout" -> o.timeoutSeconds = Double.parseDouble(value);
                    case "--threads" -> o.threads = Integer.parseInt(value);
                    case "--expect" -> {
                        String[] range = value.split("-", 2);
                        o.expectLow = Integer.parseInt(range[0]);
                        o.expectHigh = Integer.parseInt(range.length > 1 ? range[1] : range[0]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + " needs a number, not " + value);
            }
        }
        if (o.url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        if (o.seconds <= 0 && o.requests <= 0) {
            throw new IllegalArgumentException("give --seconds or --requests (or both)");
        }
        if (o.connections < 1 || o.threads < 1 || o.rate < 0 || o.timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--connections and --threads must be at least 1, --rate and --timeout positive");
        }
        return o;
    }
}
