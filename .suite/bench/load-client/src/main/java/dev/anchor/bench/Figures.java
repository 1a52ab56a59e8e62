package dev.anchor.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The current phase's figures: requests sent and still outstanding, answers counted as ok (with their latency in a
 * histogram) or as errors by kind, the last answer's time and the scheduler's worst lag; {@link #reset} after the
 * warm-up, {@link #summary} as the JSON object the load client prints.
 */
final class Figures {

    private static final long MAX_LATENCY_MICROS = TimeUnit.HOURS.toMicros(1);

    private volatile Histogram histogram = newHistogram();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder ok = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong lastEnd = new AtomicLong();
    // written and read by the thread that runs the load only
    private long schedulerLagMaxNanos;

    /** A phase starts at {@code start} (nanos): its elapsed time runs from there to its last answer. */
    void phaseStarts(long start) {
        lastEnd.set(start);
    }

    /** An open-model request went out {@code lateNanos} after it was due. */
    void schedulerLag(long lateNanos) {
        schedulerLagMaxNanos = Math.max(schedulerLagMaxNanos, lateNanos);
    }

    void sent() {
        outstanding.incrementAndGet();
        sent.increment();
    }

    /** A request sent has answered or failed, counted or not. */
    void settled() {
        if (outstanding.decrementAndGet() == 0) {
            synchronized (outstanding) {
                outstanding.notifyAll();
            }
        }
    }

    /** Waits until every request sent has settled, or {@code deadlineNanos} (System.nanoTime) has passed. */
    void awaitSettled(long deadlineNanos) throws InterruptedException {
        synchronized (outstanding) {
            long left;
            while (outstanding.get() > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
                outstanding.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    long outstanding() {
        return outstanding.get();
    }

    /** A counted request has answered or failed at {@code end} (nanos). */
    void answeredAt(long end) {
        lastEnd.accumulateAndGet(end, Math::max);
    }

    void ok(long latencyMicros) {
        ok.increment();
        Histogram h = histogram;
        synchronized (h) {
            h.recordValue(Math.min(latencyMicros, MAX_LATENCY_MICROS));
        }
    }

    /** {@code kind}: the status, or what failed (e.g. {@code timeout}). */
    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    // not outstanding (a request still in flight settles later) nor the last answer's time (phaseStarts sets it)
    void reset() {
        histogram = newHistogram();
        errors.clear();
        ok.reset();
        sent.reset();
        schedulerLagMaxNanos = 0;
    }

    /** The phase that started at {@code start} and ran for {@code durationNanos} (or until its requests ran out). */
    String summary(Options options, long start, long durationNanos) {
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
}
