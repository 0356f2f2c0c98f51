package io.uxprobe.probes.journey;

import java.util.Locale;
import java.util.Optional;

/**
 * A forward proxy a region's requests leave through.
 *
 * @param credentials sent as {@code Proxy-Authorization: Basic …}; HTTP and HTTPS proxies only
 */
public record ProxyServer(Type type, String host, int port, Optional<Credentials> credentials) {

    /** How uxprobe talks to the proxy. */
    public enum Type {
        /** Plain HTTP to the proxy: absolute-URI requests for http://, CONNECT tunnels for https://. */
        HTTP,
        /** As {@link #HTTP}, over TLS to the proxy. */
        HTTPS,
        /** SOCKS5; the proxy resolves the sites' host names. */
        SOCKS5;

        public String scheme() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A proxy user and password; {@link #toString()} never shows the password. */
    public record Credentials(String user, String password) {

        @Override
        public String toString() {
            return user + ":***";
        }
    }

    /** The proxy as a person reads it in a failure: scheme, host and port, never the credentials. */
    @Override
    public String toString() {
        return type.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
