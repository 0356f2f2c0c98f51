package io.uxprobe.agent.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * TLS, basic auth and response headers for the agent's endpoints ({@code /metrics}, {@code /-/healthy},
 * {@code /-/ready}, {@code /-/reload}, the status page), read from a web config file in the format of Prometheus's
 * {@code --web.config.file} by {@link WebConfigLoader}. Apply it with {@link #applyTo(HTTPServer.Builder)}.
 *
 * @param file the web config file; empty for {@link #none()}
 * @param https TLS for client_java's {@code HTTPServer.Builder.httpsConfigurator}; empty: plain HTTP
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
     * What to give {@code HTTPServer.Builder.authenticator}: adds {@link #headers()}, then checks basic auth.
     * client_java sets it on every context it creates, so it guards {@code /metrics}, {@code /-/healthy} and whatever
     * the default handler serves. Empty when there are neither headers nor users.
     */
    public Optional<Authenticator> authenticator() {
        if (headers.isEmpty() && basicAuth.isEmpty()) return Optional.empty();
        return Optional.of(new EndpointGuard(headers, basicAuth));
    }

    /** Sets TLS and the authenticator on {@code builder}, when this config has them; returns {@code builder}. */
    public HTTPServer.Builder applyTo(HTTPServer.Builder builder) {
        https.ifPresent(builder::httpsConfigurator);
        authenticator().ifPresent(builder::authenticator);
        return builder;
    }
}
