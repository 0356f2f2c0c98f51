package io.uxprobe.agent.serve;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.uxprobe.agent.web.WebConfig;
import java.io.IOException;
import java.util.concurrent.Executors;

/**
 * The agent's listen address: client_java's HTTP server for /metrics and /-/healthy, our handler for everything
 * else, so that basic auth and TLS from the web config cover every endpoint alike.
 */
final class WebServer {

    private WebServer() {}

    static HTTPServer start(ServeConfig config, WebConfig web, PrometheusMeterRegistry registry, HttpHandler endpoints) throws IOException {
        HTTPServer.Builder b = HTTPServer.builder()
                .inetAddress(config.listen().getAddress())
                .port(config.listen().getPort())
                .registry(registry.getPrometheusRegistry())
                // platform threads: on a virtual thread the JDK's BufferedWriter starts at 512 chars and grows by one
                // char per write, so client_java's text writer copied ~15 MiB of char arrays per 9,000-series scrape
                .executorService(Executors.newCachedThreadPool(Thread.ofPlatform().name("web-", 0).daemon().factory()))
                .registerHealthHandler(true)
                .defaultHandler(endpoints);
        return web.applyTo(b).buildAndStart();
    }
}
