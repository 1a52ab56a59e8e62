package dev.anchor.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP load generator of {@code ./suite bench}. Two models:
 *
 * <ul>
 * <li><b>open</b> ({@code --rate R}): request n is due at start + n/R, whether or not earlier ones have answered
 * (wrk2's constant throughput). Its latency is measured from that intended send time, so time spent waiting for a
 * free connection or behind a slow response counts: no coordinated omission. At most {@code --connections}
 * connections; requests beyond them wait in the client's queue, on the clock.</li>
 * <li><b>closed</b> (no {@code --rate}): each of {@code --connections} connections sends its next request when the
 * previous one answered, as fast as the server allows. This measures the peak rate; its latencies are service times
 * (a closed model omits the requests a stalled server would have been sent), reported as such.</li>
 * </ul>
 *
 * <pre>
 * java -cp 'bench-load-client.jar:lib/*' dev.anchor.bench.LoadClient --url http://127.0.0.1:8082/issues/{0}
 *      [--method GET] [--body TEMPLATE] [--header 'Name: TEMPLATE']... [--vars FILE]
 *      [--rate R] [--connections C] [--seconds S] [--requests N] [--warmup S]
 *      [--timeout S] [--expect 200-299] [--record FILE] [--threads T]
 * </pre>
 *
 * Templates (URL, body, header values) take {@code {n}} (the request's number from 0), {@code {uuid}} (a random one)
 * and {@code {0}}, {@code {1}}, ... (the fields of line n mod lines of the tab-separated {@code --vars} file); other
 * braces are left alone, so JSON bodies need no escaping. {@code --record} writes one JSON line per answer:
 * {@code {"n","intended" (epoch ms),"latencyMs","status","body"}}, flushed as it goes so that a reader can follow.
 * The summary is one JSON object on stdout.
 */
public final class LoadClient {

    private static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Options options;
    private final List<String[]> vars;
    private final Vertx vertx;
    private final HttpClient client;
    private final Template url;
    private final Template body;
    private final List<Map.Entry<String, Template>> headers = new ArrayList<>();
    private final BufferedWriter record;
    private final long epochNanosAtZero;
    private final long nanoZero;

    // the current phase's figures; reset after the warm-up
    private volatile Histogram histogram = newHistogram();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong lastEnd = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean recording;
    private long schedulerLagMaxNanos;

    private LoadClient(Options options) throws IOException {
        this.options = options;
        this.vars = options.vars == null ? List.of() : readVars(options.vars);
        this.url = Template.parse(options.url);
        this.body = options.body == null ? null : Template.parse(options.body);
        for (String header : options.headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header needs 'Name: value': " + header);
            }
            headers.add(Map.entry(header.substring(0, colon).trim(), Template.parse(header.substring(colon + 1).trim())));
        }
        int fields = Math.max(url.maxField(), body == null ? -1 : body.maxField());
        for (Map.Entry<String, Template> h : headers) {
            fields = Math.max(fields, h.getValue().maxField());
        }
        if (fields >= 0) {
            if (vars.isEmpty()) {
                throw new IllegalArgumentException("the templates use {" + fields + "} but --vars gives no lines");
            }
            for (String[] line : vars) {
                if (line.length <= fields) {
                    throw new IllegalArgumentException("a --vars line has " + line.length + " fields, the templates use {"
                            + fields + "}");
                }
            }
        }
        this.record = options.record == null ? null : Files.newBufferedWriter(options.record, StandardCharsets.UTF_8);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.threads).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpClientOptions clientOptions = new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setTcpNoDelay(true).setKeepAliveTimeout(120).setConnectTimeout((int) options.timeoutMillis());
        // requests beyond the connections wait in an unbounded queue: their wait is part of their latency
        this.client = vertx.createHttpClient(clientOptions,
                new PoolOptions().setHttp1MaxSize(options.connections).setMaxWaitQueueSize(-1));
        this.nanoZero = System.nanoTime();
        Instant now = Instant.now();
        this.epochNanosAtZero = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-client: " + e.getMessage());
            System.exit(2);
            return;
        }
        LoadClient load = new LoadClient(options);
        String summary = load.run();
        load.closeRecord();
        System.out.println(summary);
        System.out.flush();
        // every request has answered or timed out: nothing is left to close gracefully
        System.exit(0);
    }

    private String run() throws InterruptedException {
        if (options.warmupSeconds > 0) {
            recording = false;
            phase(TimeUnit.MILLISECONDS.toNanos((long) (options.warmupSeconds * 1000)), Long.MAX_VALUE);
            reset();
        }
        recording = true;
        long duration = options.seconds > 0 ? TimeUnit.MILLISECONDS.toNanos((long) (options.seconds * 1000)) : Long.MAX_VALUE;
        long limit = options.requests > 0 ? options.requests : Long.MAX_VALUE;
        long started = phase(duration, limit);
        return summary(started, duration);
    }

    /** One phase of load; answers when every request sent has answered or timed out. Returns its start (nanos). */
    private long phase(long durationNanos, long limit) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        lastEnd.set(start);
        if (options.rate > 0) {
            open(start, durationNanos, limit);
        } else {
            closed(start, durationNanos, limit);
        }
        // drain: every request is answered, or fails by its own timeout
        long deadline = System.nanoTime() + 2 * TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis()) + 1_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return start;
    }

    private void open(long start, long durationNanos, long limit) {
        double interval = 1e9 / options.rate;
        for (long i = 0; i < limit; i++) {
            long intended = start + (long) (i * interval);
            if (intended - start >= durationNanos) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            schedulerLagMaxNanos = Math.max(schedulerLagMaxNanos, System.nanoTime() - intended);
            send(sequence.getAndIncrement(), intended, null);
        }
    }

    private void closed(long start, long durationNanos, long limit) throws InterruptedException {
        long wait;
        while ((wait = start - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        long end = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + durationNanos;
        AtomicLong issued = new AtomicLong();
        CountDownLatch done = new CountDownLatch(options.connections);
        for (int c = 0; c < options.connections; c++) {
            new Runnable() {
                @Override
                public void run() {
                    long now = System.nanoTime();
                    if (now >= end || issued.getAndIncrement() >= limit) {
                        done.countDown();
                        return;
                    }
                    send(sequence.getAndIncrement(), now, this);
                }
            }.run();
        }
        done.await();
    }

    private void send(long n, long intended, Runnable next) {
        String[] line = vars.isEmpty() ? new String[0] : vars.get((int) (n % vars.size()));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.valueOf(options.method))
                .setAbsoluteURI(url.render(n, line)).setTimeout(options.timeoutMillis());
        for (Map.Entry<String, Template> h : headers) {
            request.putHeader(h.getKey(), h.getValue().render(n, line));
        }
        Buffer payload = body == null ? null : Buffer.buffer(body.render(n, line));
        if (payload != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            request.putHeader("Content-Type", "application/json");
        }
        boolean counted = recording;
        outstanding.incrementAndGet();
        sent.increment();
        client.request(request)
                .compose(r -> payload == null ? r.send() : r.send(payload))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)))
                .onComplete(ar -> {
                    long end = System.nanoTime();
                    if (counted) {
                        answered(n, intended, end, ar.succeeded() ? ar.result() : null, ar.cause());
                    }
                    outstanding.decrementAndGet();
                    if (next != null) {
                        next.run();
                    }
                });
    }

    private record Answer(int status, Buffer body) {
    }

    private void answered(long n, long intended, long end, Answer answer, Throwable failure) {
        lastEnd.accumulateAndGet(end, Math::max);
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(end - intended));
        if (answer != null && options.expected(answer.status())) {
            ok.increment();
            Histogram h = histogram;
            synchronized (h) {
                h.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
            }
        } else {
            String key = answer != null ? Integer.toString(answer.status()) : failureName(failure);
            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
        if (record != null) {
            StringBuilder line = new StringBuilder(256);
            line.append("{\"n\":").append(n)
                    .append(",\"intended\":").append(String.format(Locale.ROOT, "%.3f", epochMillis(intended)))
                    .append(",\"latencyMs\":").append(String.format(Locale.ROOT, "%.3f", micros / 1000.0))
                    .append(",\"status\":").append(answer == null ? "null" : Integer.toString(answer.status()));
            if (answer == null) {
                line.append(",\"error\":").append(Json.quote(failureName(failure)));
            } else {
                String text = answer.body().toString(StandardCharsets.UTF_8).strip();
                line.append(",\"body\":");
                boolean json = (text.startsWith("{") || text.startsWith("[")) && text.indexOf('\n') < 0;
                line.append(json ? text : text.isEmpty() ? "null" : Json.quote(text));
            }
            line.append("}\n");
            synchronized (record) {
                try {
                    record.write(line.toString());
                    record.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String failureName(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        String name = failure.getClass().getSimpleName();
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("timeout") || message.contains("timed out") || name.contains("Timeout") ? "timeout" : name;
    }

    private double epochMillis(long nanos) {
        return (epochNanosAtZero + (nanos - nanoZero)) / 1e6;
    }

    private void reset() {
        histogram = newHistogram();
        errors.clear();
        ok.reset();
        sent.reset();
        schedulerLagMaxNanos = 0;
    }

    private String summary(long start, long durationNanos) {
        Histogram h = histogram;
        // until the last answer, and never shorter than the run asked for
        double elapsed = Math.max(1e-9, Math.max(lastEnd.get() - start,
                durationNanos == Long.MAX_VALUE ? 0 : durationNanos) / 1e9);
        long okCount = ok.sum();
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Long> errorsByKind = new TreeMap<>();
        errors.forEach((k, v) -> errorsByKind.put(k, v.sum()));
        StringBuilder s = new StringBuilder(512);
        s.append('{');
        s.append("\"model\":").append(Json.quote(options.rate > 0 ? "open" : "closed"));
        s.append(",\"method\":").append(Json.quote(options.method));
        s.append(",\"url\":").append(Json.quote(options.url));
        s.append(",\"targetRate\":").append(options.rate > 0 ? num(options.rate) : "null");
        s.append(",\"connections\":").append(options.connections);
        s.append(",\"sent\":").append(sent.sum());
        s.append(",\"ok\":").append(okCount);
        s.append(",\"errors\":").append(errorCount);
        s.append(",\"errorsByKind\":{");
        String sep = "";
        for (Map.Entry<String, Long> e : errorsByKind.entrySet()) {
            s.append(sep).append(Json.quote(e.getKey())).append(':').append(e.getValue());
            sep = ",";
        }
        s.append('}');
        s.append(",\"outstandingAtEnd\":").append(outstanding.get());
        s.append(",\"elapsedSeconds\":").append(num(elapsed));
        s.append(",\"achievedRate\":").append(num(okCount / elapsed));
        s.append(",\"sentRate\":").append(num(sent.sum() / elapsed));
        s.append(",\"latencyFrom\":").append(Json.quote(options.rate > 0 ? "intended send time" : "actual send time"));
        s.append(",\"latencyMs\":{");
        if (h.getTotalCount() > 0) {
            s.append("\"p50\":").append(ms(h.getValueAtPercentile(50)))
                    .append(",\"p90\":").append(ms(h.getValueAtPercentile(90)))
                    .append(",\"p99\":").append(ms(h.getValueAtPercentile(99)))
                    .append(",\"p999\":").append(ms(h.getValueAtPercentile(99.9)))
                    .append(",\"max\":").append(ms(h.getMaxValue()))
                    .append(",\"mean\":").append(num(h.getMean() / 1000.0));
        }
        s.append('}');
        s.append(",\"schedulerLagMaxMs\":").append(num(schedulerLagMaxNanos / 1e6));
        s.append('}');
        return s.toString();
    }

    private static String ms(long micros) {
        return num(micros / 1000.0);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static Histogram newHistogram() {
        return new Histogram(MAX_LATENCY_MICROS, 3);
    }

    private void closeRecord() throws IOException {
        if (record != null) {
            synchronized (record) {
                record.close();
            }
        }
    }

    private static List<String[]> readVars(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                lines.add(line.split("\t", -1));
            }
        }
        return lines;
    }

    /** A template split once into literal text and placeholders. */
    record Template(List<Object> parts, int maxField) {

        private static final Object N = new Object();
        private static final Object RANDOM_UUID = new Object();

        static Template parse(String text) {
            List<Object> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int max = -1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int close = c == '{' ? text.indexOf('}', i) : -1;
                String name = close > i ? text.substring(i + 1, close) : null;
                Object part = null;
                if ("n".equals(name)) {
                    part = N;
                } else if ("uuid".equals(name)) {
                    part = RANDOM_UUID;
                } else if (name != null && !name.isEmpty() && name.length() < 4 && name.chars().allMatch(Character::isDigit)) {
                    part = Integer.valueOf(name);
                    max = Math.max(max, (Integer) part);
                }
                if (part == null) {
                    literal.append(c);
                    i++;
                } else {
                    if (!literal.isEmpty()) {
                        parts.add(literal.toString());
                        literal.setLength(0);
                    }
                    parts.add(part);
                    i = close + 1;
                }
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
            }
            return new Template(List.copyOf(parts), max);
        }

        String render(long n, String[] fields) {
            StringBuilder out = new StringBuilder(64);
            for (Object part : parts) {
                if (part == N) {
                    out.append(n);
                } else if (part == RANDOM_UUID) {
                    out.append(UUID.randomUUID());
                } else if (part instanceof Integer field) {
                    out.append(fields[field]);
                } else {
                    out.append((String) part);
                }
            }
            return out.toString();
        }
    }

    /** The command line. */
    static final class Options {
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

    /** Just enough JSON for the summary and the record. */
    static final class Json {
        private Json() {
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder(text.length() + 2).append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
