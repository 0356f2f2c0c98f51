package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Egress;
import io.uxprobe.probes.journey.ProxyServer;
import io.uxprobe.probes.journey.Tls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Applies a region's egress to a client: its proxy (and the proxy's password), and its DNS server. */
final class EgressSettings {

    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

    private EgressSettings() {}

    /** @param tls also how an HTTPS proxy's certificate is checked */
    static void apply(OkHttpClient.Builder builder, Egress egress, Tls tls) {
        egress.dns().ifPresent(server -> builder.dns(new ServerDns(server)));
        if (egress.proxy().isEmpty()) {
            // straight out: asking the JVM's ProxySelector on every connection matched its no-proxy list by regex
            if (!jvmProxyConfigured()) builder.proxy(Proxy.NO_PROXY);
            return;
        }
        ProxyServer proxy = egress.proxy().get();
        // unresolved: OkHttp resolves an HTTP proxy's name with the client's dns, on every new connection
        InetSocketAddress address = InetSocketAddress.createUnresolved(proxy.host(), proxy.port());
        builder.proxy(new Proxy(proxy.type() == ProxyServer.Type.SOCKS5 ? Proxy.Type.SOCKS : Proxy.Type.HTTP, address));
        if (proxy.type() == ProxyServer.Type.HTTPS) builder.socketFactory(new TlsToProxy(tls));
        proxy.credentials().ifPresent(c -> {
            String basic = Credentials.basic(c.user(), c.password(), StandardCharsets.UTF_8);
            // CONNECT tunnels (https:// sites): OkHttp asks before the first CONNECT, and again on a 407
            builder.proxyAuthenticator((route, response) -> response.request().header(PROXY_AUTHORIZATION) != null ? null
                    : response.request().newBuilder().header(PROXY_AUTHORIZATION, basic).build());
            // http:// sites: the request itself goes to the proxy; never inside a tunnel, where the site would see it
            builder.addNetworkInterceptor(chain -> {
                Request request = chain.request();
                return chain.proceed(request.isHttps() ? request : request.newBuilder().header(PROXY_AUTHORIZATION, basic).build());
            });
        });
    }

    /**
     * The JVM was told of a proxy ({@code -Dhttp.proxyHost=…}, its net.properties, system proxies) or given a
     * ProxySelector of its own: OkHttp keeps asking it per connection, as before. Asked once here, for a name no
     * no-proxy list holds.
     */
    private static boolean jvmProxyConfigured() {
        ProxySelector jvm = ProxySelector.getDefault();
        if (jvm == null) return false; // OkHttp then goes straight out too
        if (!jvm.getClass().getName().equals("sun.net.spi.DefaultProxySelector")) return true;
        for (String scheme : new String[] {"http", "https"}) {
            for (Proxy p : jvm.select(URI.create(scheme + "://uxprobe.invalid/"))) {
                if (p.type() != Proxy.Type.DIRECT) return true;
            }
        }
        return false;
    }

    /**
     * Sockets that speak TLS to an HTTPS proxy. The handshake starts with the first byte OkHttp writes (the CONNECT
     * or the request); the proxy's name, from the address OkHttp connects to, is checked against its certificate.
     */
    private static final class TlsToProxy extends SocketFactory {

        private final javax.net.ssl.SSLSocketFactory tls;
        private final boolean verifyHost;

        TlsToProxy(Tls settings) {
            this.tls = TrustSettings.context(settings).getSocketFactory();
            this.verifyHost = !settings.insecure();
        }

        @Override
        public Socket createSocket() throws IOException {
            SSLSocket socket = (SSLSocket) tls.createSocket();
            if (verifyHost) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress address) throws IOException {
            Socket socket = createSocket();
            socket.connect(address);
            return socket;
        }
    }
}
