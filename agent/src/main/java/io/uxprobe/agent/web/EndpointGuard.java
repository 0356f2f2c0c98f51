package io.uxprobe.agent.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.util.Map;
import java.util.Optional;

/**
 * What every request to the agent's endpoints passes first: adds the configured response headers, then asks basic
 * auth, if there is any. It is an {@link Authenticator} because that is the one hook client_java's HTTPServer puts in
 * front of all its handlers ({@code /metrics}, {@code /-/healthy} and the default handler behind {@code /}); the
 * headers go on before the check, so a 401 carries them too, as in Prometheus.
 */
final class EndpointGuard extends Authenticator {

    private static final HttpPrincipal ANYONE = new HttpPrincipal("", BasicAuth.REALM);

    private final Map<String, String> headers;
    private final Optional<Authenticator> basicAuth;

    EndpointGuard(Map<String, String> headers, Optional<Authenticator> basicAuth) {
        this.headers = Map.copyOf(headers);
        this.basicAuth = basicAuth;
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        return basicAuth.isPresent() ? basicAuth.get().authenticate(exchange) : new Success(ANYONE);
    }
}
