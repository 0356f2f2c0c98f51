package io.uxprobe.demo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One region's port: accepts connections and serves HTTP/1.1 requests on them, one virtual thread per connection.
 * Its own small server rather than {@code com.sun.net.httpserver}, because the {@code reset} outage needs the socket.
 */
final class RegionListener implements AutoCloseable {

    /** Answers one request that arrived on a region's port. */
    @FunctionalInterface
    interface Handler {
        HttpResponse handle(String region, HttpRequest request);
    }

    /** Keep-alive connections idle this long are closed. */
    private static final int IDLE_MILLIS = 60_000;

    private final String region;
    private final Handler handler;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    RegionListener(String region, InetAddress bind, int port, Handler handler) throws IOException {
        this.region = region;
        this.handler = handler;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), 128);
        this.acceptor = Thread.ofVirtual().name("demo-" + region + "-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("demo-" + region + "-conn").start(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            RequestReader reader = new RequestReader(in, out);
            while (true) {
                Optional<HttpRequest> read;
                try {
                    read = reader.read();
                } catch (RequestReader.BadRequest e) {
                    ResponseWriter.write(out, HttpResponse.plain(e.status, e.getMessage() + "\n"), false, true);
                    return;
                }
                if (read.isEmpty()) return;
                HttpRequest request = read.get();
                HttpResponse response = answer(request);
                if (response instanceof HttpResponse.Reset) {
                    reset(socket);
                    return;
                }
                ResponseWriter.write(out, response, request.isHead(), !request.keepAlive());
                if (!request.keepAlive()) return;
            }
        } catch (IOException e) {
            // the client went away or the service closed: nothing to tell anyone
        } finally {
            open.remove(socket);
        }
    }

    private HttpResponse answer(HttpRequest request) {
        try {
            return handler.handle(region, request);
        } catch (RuntimeException e) {
            // a bug in the demo must not look like one of its outages
            return HttpResponse.json(500, Json.error("The demo service failed: " + e));
        }
    }

    /** SO_LINGER 0 makes close() send RST instead of FIN: the client sees "connection reset", not a clean end. */
    private static void reset(Socket socket) throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already gone: closing is all that is left
        }
        socket.close();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
