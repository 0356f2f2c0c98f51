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
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .registerHealthHandler(true)
                .defaultHandler(endpoints);
        return web.applyTo(b).buildAndStart();
    }
}
