package io.uxprobe.agent.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * TLS, basic auth and response headers for the agent's endpoints ({@code /metrics}, {@code /-/healthy},
 * {@code /-/ready}, {@code /-/reload}, the status page), read from a web config file in the format of Prometheus's
 * {@code --web.config.file} by {@link WebConfigLoader}. {@link WebServer} applies it.
 *
 * @param file the web config file; empty for {@link #none()}
 * @param https TLS for the server; empty: plain HTTP
 * @param basicAuth checks {@code basic_auth_users}; empty: no login asked for
 * @param headers added to every response, 401s included
 * @param description what the file turns on, for the startup log: {@code TLS (TLSv1.2, TLSv1.3), basic auth (2 users)}
 */
public record WebConfig(
        Optional<Path> file,
        Optional<HttpsConfigurator> https,
        Optional<Authenticator> basicAuth,
        Map<String, String> headers,
        String description) {

    public WebConfig {
        headers = Map.copyOf(headers);
    }

    /** No web config file: plain HTTP, no login, no extra headers. */
    public static WebConfig none() {
        return new WebConfig(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), "plain HTTP, no basic auth");
    }

    public boolean tls() {
        return https.isPresent();
    }

    /**
     * What guards every path the server has ({@code /metrics}, {@code /-/healthy} and the agent's pages): adds
     * {@link #headers()}, then checks basic auth. Empty when there are neither headers nor users.
     */
    public Optional<Authenticator> authenticator() {
        if (headers.isEmpty() && basicAuth.isEmpty()) return Optional.empty();
        return Optional.of(new EndpointGuard(headers, basicAuth));
    }
}
