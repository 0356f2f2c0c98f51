package io.uxprobe.agent.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.uxprobe.agent.browser.ArtifactStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The agent's own endpoints beside {@code /metrics} and {@code /-/healthy} (which client_java's server answers):
 * the status page at {@code /}, {@code /api/status}, {@code /-/ready} and {@code POST /-/reload}.
 */
final class Endpoints implements HttpHandler {

    private final Agent agent;
    private final HttpHandler statusPage;
    private final HttpHandler statusApi;
    private final ArtifactStore artifacts;

    Endpoints(Agent agent, HttpHandler statusPage, HttpHandler statusApi, ArtifactStore artifacts) {
        this.agent = agent;
        this.statusPage = statusPage;
        this.statusApi = statusApi;
        this.artifacts = artifacts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/" -> statusPage.handle(exchange);
            case "/api/status" -> statusApi.handle(exchange);
            default -> {
                if (path.startsWith("/artifacts/")) evidence(exchange, path.substring("/artifacts/".length()));
                else agentEndpoint(exchange, path);
            }
        }
    }

    private void agentEndpoint(HttpExchange exchange, String path) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/-/ready" -> {
                    if (agent.ready()) reply(exchange, 200, "uxprobe is ready.\n");
                    else reply(exchange, 503, "uxprobe is not ready: waiting for the first run of every journey.\n");
                }
                case "/-/reload" -> {
                    if (!method.equals("POST") && !method.equals("PUT")) {
                        exchange.getResponseHeaders().set("Allow", "POST, PUT");
                        reply(exchange, 405, "use POST to reload the journey files.\n");
                    } else {
                        Agent.Reload outcome = agent.reload("POST /-/reload");
                        switch (outcome) {
                            case Agent.Reload.Applied a -> reply(exchange, 200, "reloaded: " + a.summary() + "\n");
                            case Agent.Reload.Refused r -> reply(exchange, 500, "reload refused, old journeys keep running: " + r.error() + "\n");
                        }
                    }
                }
                default -> reply(exchange, 404, "no such page: " + path + "; uxprobe serves /, /api/status, /metrics, /-/healthy, "
                        + "/-/ready and POST /-/reload\n");
            }
        }
    }

    /** A screenshot or visible text of a failed browser step, as the status page links it. */
    private void evidence(HttpExchange exchange, String name) throws IOException {
        try (exchange) {
            java.util.Optional<java.nio.file.Path> file = artifacts.file(name);
            if (file.isEmpty() || !exchange.getRequestMethod().matches("GET|HEAD")) {
                reply(exchange, 404, "no such evidence: " + name + " (uxprobe keeps the last " + ArtifactStore.KEEP + " of each step)\n");
                return;
            }
            byte[] body = java.nio.file.Files.readAllBytes(file.get());
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".png") ? "image/png" : "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
