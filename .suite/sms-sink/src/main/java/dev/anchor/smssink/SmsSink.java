package dev.anchor.smssink;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Local SMS sink for {@code ./suite up}: an HTTP "SMS provider" that accepts messages and keeps them so that
 * people and tests can see what would have been sent ({@link MessagesApi} has the API). Every accepted message is
 * also appended to {@code <dir>/messages.jsonl}, which is read back on start. It also sends customers' SMS the other
 * way ({@link InboundApi}, a form at {@code /inbound}): to notification-service's inbound webhook, signed, when the
 * environment names it ({@code ANCHOR_SMS_INBOUND_URL}, {@code ANCHOR_CALLBACK_SECRET}).
 *
 * <pre>
 * java -cp .suite/sms-sink/target/sms-sink.jar:.suite/sms-sink/target/lib/* dev.anchor.smssink.SmsSink \
 *     &lt;port&gt; &lt;dir&gt; [bind-address, default 127.0.0.1]
 * </pre>
 */
public final class SmsSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private SmsSink(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SmsSink <port> <dir> [bind-address]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        start(args.length > 2 ? args[2] : "127.0.0.1", port, Path.of(args[1]),
                InboundCallback.fromEnvironment(System.getenv()));
    }

    /** Listens on {@code host:port} (0: any free port) and keeps its journal in {@code dir}; sends no inbound SMS. */
    public static SmsSink start(String host, int port, Path dir) throws IOException {
        return start(host, port, dir, null);
    }

    /** As {@link #start(String, int, Path)}, sending inbound SMS to {@code inbound} (null: none). */
    static SmsSink start(String host, int port, Path dir, InboundCallback inbound) throws IOException {
        Files.createDirectories(dir);
        MessageStore store = new MessageStore(dir.resolve("messages.jsonl"));
        store.load();
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.createContext("/", new MessagesApi(store));
        server.createContext(InboundApi.PATH, new InboundApi(inbound));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.start();
        System.out.printf("SMS sink listening on http://%s:%d/messages (journal %s, %d messages loaded); inbound SMS %s%n",
                host, server.getAddress().getPort(), store.journal(), store.size(),
                inbound == null ? "not configured" : "at /inbound, sent to " + inbound.url());
        return new SmsSink(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
