package io.uxprobe.agent.serve;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;

/** The agent's listen address: client_java's HTTP server for /metrics and /-/healthy, our handler for the rest. */
final class WebServer {

    private WebServer() {}

    static HTTPServer start(ServeConfig config, PrometheusMeterRegistry registry, HttpHandler endpoints) throws IOException {
        HTTPServer.Builder b = HTTPServer.builder()
                .inetAddress(config.listen().getAddress())
                .port(config.listen().getPort())
                .registry(registry.getPrometheusRegistry())
                .executorService(Agent.endpointThreads())
                .registerHealthHandler(true)
                .defaultHandler(endpoints);
        return b.buildAndStart();
    }
}
