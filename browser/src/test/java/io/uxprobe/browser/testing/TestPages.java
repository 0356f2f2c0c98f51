package io.uxprobe.browser.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** Pages for browser tests on a loopback port: each path answers what a test put there. */
public final class TestPages implements AutoCloseable {

    /** What one path answers. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> paths = new ConcurrentHashMap<>();

    public TestPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                Handler h = paths.get(ex.getRequestURI().getPath());
                if (h == null) send(ex, 404, "text/plain", "not found");
                else h.handle(ex);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public TestPages page(String path, String html) {
        return on(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
    }

    public TestPages json(String path, int status, String json) {
        return on(path, ex -> send(ex, status, "application/json", json));
    }

    public TestPages on(String path, Handler handler) {
        paths.put(path, handler);
        return this;
    }

    public static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
