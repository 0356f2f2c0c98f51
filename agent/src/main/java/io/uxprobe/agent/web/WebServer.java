package io.uxprobe.agent.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The agent's listen address: {@code /metrics} and {@code /-/healthy} from client_java's handlers, everything else
 * from the agent's own, all behind the web config's TLS and basic auth. Built on the JDK's HTTP server directly
 * rather than through client_java's {@code HTTPServer}, which listens with a backlog of 3 and gives no way to say
 * more: so that a crowd of clients, slow or hostile, never keeps Prometheus's scrape waiting.
 *
 * <ul>
 *   <li>A listen backlog of {@value #BACKLOG}: 50 scrapers at once no longer wait for a retransmitted SYN (p95 1 s).
 *   <li>Each request is read on a virtual thread: a slow or half-open connection costs a few KiB, not a platform
 *       thread, and is closed once it has taken {@link #REQUEST_TIMEOUT} to send its request.
 *   <li>{@code /metrics} is written on platform threads: on a virtual thread the JDK's BufferedWriter starts at 512
 *       chars and grows by one char per write, so client_java's text writer copied ~15 MiB of char arrays per
 *       9,000-series scrape.
 * </ul>
 */
public final class WebServer implements AutoCloseable {

    /** Connections the kernel queues before they are accepted (it caps this at net.core.somaxconn). */
    static final int BACKLOG = 1024;
    /** How long a client may take to send a request, head and body; Prometheus sends its scrape in a millisecond. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** How long writing an answer may take: a client that reads slowly gives up its connection then. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    static {
        // The JDK's server reads these once, when the first one starts; a value set on the command line wins.
        setIfAbsent("sun.net.httpserver.maxReqTime", REQUEST_TIMEOUT.toSeconds());
        setIfAbsent("sun.net.httpserver.maxRspTime", RESPONSE_TIMEOUT.toSeconds());
        // how often connections that never sent a byte are looked for and closed (default 10 s)
        setIfAbsent("sun.net.httpserver.clockTick", 1000);
    }

    private final HttpServer server;
    private final ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("web-", 0).factory());
    private final ExecutorService scrapes = Executors.newCachedThreadPool(Thread.ofPlatform().name("scrape-", 0).daemon().factory());

    private WebServer(InetSocketAddress listen, WebConfig web, PrometheusRegistry registry, HttpHandler pages) throws IOException {
        if (web.https().isPresent()) {
            HttpsServer https = HttpsServer.create(listen, BACKLOG);
            https.setHttpsConfigurator(web.https().get());
            server = https;
        } else {
            server = HttpServer.create(listen, BACKLOG);
        }
        MetricsHandler metrics = new MetricsHandler(registry);
        route(web, "/metrics", exchange -> onPlatformThread(metrics, exchange));
        route(web, "/-/healthy", new HealthyHandler());
        route(web, "/", pages);
        server.setExecutor(requests);
        server.start();
    }

    /** Serves {@code /metrics} and {@code /-/healthy} from {@code registry}, every other path from {@code pages}. */
    public static WebServer start(InetSocketAddress listen, WebConfig web, PrometheusRegistry registry, HttpHandler pages) throws IOException {
        return new WebServer(listen, web, registry, pages);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(WebConfig web, String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, exchange -> {
            try (exchange) { // closing drains what the client sent and nobody read, so the connection can be kept
                handler.handle(exchange);
            }
        });
        web.authenticator().ifPresent(context::setAuthenticator);
    }

    private void onPlatformThread(HttpHandler handler, HttpExchange exchange) throws IOException {
        Future<?> scrape = scrapes.submit(() -> {
            handler.handle(exchange);
            return null;
        });
        try {
            scrape.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            scrape.cancel(true);
            Thread.currentThread().interrupt();
        }
    }

    private static void setIfAbsent(String property, long value) {
        if (System.getProperty(property) == null) System.setProperty(property, Long.toString(value));
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
        scrapes.shutdownNow();
    }
}
