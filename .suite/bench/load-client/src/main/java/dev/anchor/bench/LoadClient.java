package dev.anchor.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>This class runs the load. {@link Options} reads the command line, {@link Template} the templates and the
 * {@code --vars} file; {@link Figures} counts a phase and makes the summary; {@link AnswerLog} writes the record.
 */
public final class LoadClient {

    private final Options options;
    private final List<String[]> vars;
    private final Vertx vertx;
    private final HttpClient client;
    private final Template url;
    private final Template body;
    private final List<Map.Entry<String, Template>> headers = new ArrayList<>();
    private final AnswerLog record;
    private final long epochNanosAtZero;
    private final long nanoZero;

    // the current phase's figures; reset after the warm-up
    private final Figures figures = new Figures();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean recording;

    private LoadClient(Options options) throws IOException {
        this.options = options;
        this.vars = options.vars == null ? List.of() : Template.readVars(options.vars);
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
        this.record = options.record == null ? null : new AnswerLog(options.record);
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
            figures.reset();
        }
        recording = true;
        long duration = options.seconds > 0 ? TimeUnit.MILLISECONDS.toNanos((long) (options.seconds * 1000)) : Long.MAX_VALUE;
        long limit = options.requests > 0 ? options.requests : Long.MAX_VALUE;
        long started = phase(duration, limit);
        return figures.summary(options, started, duration);
    }

    /** One phase of load; answers when every request sent has answered or timed out. Returns its start (nanos). */
    private long phase(long durationNanos, long limit) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        figures.phaseStarts(start);
        if (options.rate > 0) {
            open(start, durationNanos, limit);
        } else {
            closed(start, durationNanos, limit);
        }
        // drain: every request is answered, or fails by its own timeout
        long deadline = System.nanoTime() + 2 * TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis()) + 1_000_000_000L;
        figures.awaitSettled(deadline);
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
            figures.schedulerLag(System.nanoTime() - intended);
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
        figures.sent();
        client.request(request)
                .compose(r -> payload == null ? r.send() : r.send(payload))
                .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)))
                .onComplete(ar -> {
                    long end = System.nanoTime();
                    if (counted) {
                        answered(n, intended, end, ar.succeeded() ? ar.result() : null, ar.cause());
                    }
                    figures.settled();
                    if (next != null) {
                        next.run();
                    }
                });
    }

    private void answered(long n, long intended, long end, Answer answer, Throwable failure) {
        figures.answeredAt(end);
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(end - intended));
        String failed = answer == null ? failureName(failure) : null;
        if (answer != null && options.expected(answer.status())) {
            figures.ok(micros);
        } else {
            figures.error(answer != null ? Integer.toString(answer.status()) : failed);
        }
        if (record != null) {
            record.write(n, epochMillis(intended), micros, answer, failed);
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

    private void closeRecord() throws IOException {
        if (record != null) {
            record.close();
        }
    }
}
