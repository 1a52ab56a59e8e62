package dev.anchor.blocks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the suite broker's FAULTY listener (advertised on 127.0.0.1:9095, served on 9094):
 * a service pointed at 127.0.0.1:9095 loses the broker when the test calls {@link #cut()} and finds it again
 * after {@link #restore()} — a real outage on a real connection.
 */
public class FaultyKafka implements AutoCloseable {

    public static final String BOOTSTRAP = "127.0.0.1:9095";
    private static final int PROXY_PORT = 9095;
    private static final int BROKER_PORT = 9094;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    public static FaultyKafka open() {
        FaultyKafka proxy = new FaultyKafka();
        proxy.restore();
        return proxy;
    }

    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), PROXY_PORT));
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + PROXY_PORT, e);
        }
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> accept(listening), "faulty-kafka-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Drops every connection and refuses new ones, like a broker that went away. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        sockets.forEach(FaultyKafka::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), BROKER_PORT);
                sockets.add(client);
                sockets.add(broker);
                pipe(client, broker);
                pipe(broker, client);
            } catch (IOException e) {
                // closed by cut(), or the broker refused: the client sees a dropped connection either way
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-kafka-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
