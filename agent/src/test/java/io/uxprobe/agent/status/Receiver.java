package io.uxprobe.agent.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on a local port: answers 503 to the first {@code refuse} posts, then 200; keeps what it accepted. */
final class Receiver implements AutoCloseable {

    record Post(String path, String contentType, Map<String, List<String>> headers, String body) {}

    final List<Post> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger refuse;
    private final int status;
    private final HttpServer server;

    private Receiver(int port, int refuse, int status) throws IOException {
        this.refuse = new AtomicInteger(refuse);
        this.status = status;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                attempts.incrementAndGet();
                if (this.refuse.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(this.status, -1);
                    return;
                }
                accepted.add(new Post(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                        Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    /** Refuses the first {@code refuse} posts with 503. */
    static Receiver refusingFirst(int refuse) throws IOException {
        return new Receiver(0, refuse, 503);
    }

    static Receiver answering(int status, int times) throws IOException {
        return new Receiver(0, times, status);
    }

    /** Starts on a port chosen earlier, as a receiver coming back after being down. */
    static Receiver on(int port) throws IOException {
        return new Receiver(port, 0, 503);
    }

    /** A port nothing listens on yet. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<String> bodies() {
        return accepted.stream().map(Post::body).toList();
    }

    void awaitAccepted(int n, Duration timeout) throws InterruptedException {
        await(() -> accepted.size() >= n, timeout, () -> "expected " + n + " messages, got " + accepted.size() + " after " + attempts + " attempts");
    }

    static void await(java.util.function.BooleanSupplier done, Duration timeout, java.util.function.Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError(what.get());
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
