package io.uxprobe.probes.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * A forward proxy on loopback, as a region's egress proxy would be: {@code CONNECT host:port} opens a tunnel, an
 * absolute-URI request ({@code GET http://host/path}) is forwarded with {@code Via: 1.1 uxprobe-test-proxy}. With a
 * password it answers 407 to requests without the right {@code Proxy-Authorization}. Remembers what it was asked.
 */
final class ForwardProxy implements AutoCloseable {

    static final String VIA = "1.1 uxprobe-test-proxy";

    /** One request the proxy received: its request line and its {@code Proxy-Authorization}, if any. */
    record Seen(String requestLine, Optional<String> proxyAuthorization) {}

    private final ServerSocket server;
    private final Optional<String> expectedAuthorization;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    ForwardProxy(ServerSocketFactory sockets, Optional<String> expectedAuthorization) throws IOException {
        this.server = sockets.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = expectedAuthorization;
        Thread.ofVirtual().start(this::accept);
    }

    static ForwardProxy plain() throws IOException {
        return new ForwardProxy(ServerSocketFactory.getDefault(), Optional.empty());
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            List<String> headers = new ArrayList<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) headers.add(h);
            Optional<String> auth = header(headers, "Proxy-Authorization");
            seen.add(new Seen(requestLine, auth));
            if (expectedAuthorization.isPresent() && !auth.equals(expectedAuthorization)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                String[] hostPort = parts[1].split(":");
                try (Socket target = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    pipe(client, target);
                }
                return;
            }
            URI uri = URI.create(parts[1]);
            try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
                StringBuilder forwarded = new StringBuilder(parts[0] + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " " + parts[2] + "\r\n");
                for (String h : headers) {
                    String name = h.substring(0, h.indexOf(':')).toLowerCase(Locale.ROOT);
                    if (!name.startsWith("proxy-") && !name.equals("connection")) forwarded.append(h).append("\r\n");
                }
                forwarded.append("Via: ").append(VIA).append("\r\nConnection: close\r\n\r\n");
                target.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                pipe(client, target);
            }
        } catch (IOException ignored) {
            // the client or the target went away: the test's assertions say what mattered
        }
    }

    /** Copies both ways until the target is done. */
    static void pipe(Socket client, Socket target) throws IOException {
        Thread up = Thread.ofVirtual().start(() -> {
            try {
                client.getInputStream().transferTo(target.getOutputStream());
            } catch (IOException ignored) {
                // closed below
            }
        });
        try {
            target.getInputStream().transferTo(client.getOutputStream());
        } finally {
            client.close();
            target.close();
            up.interrupt();
        }
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("cut off");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static Optional<String> header(List<String> headers, String name) {
        return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(h -> h.substring(name.length() + 1).strip()).findFirst();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
