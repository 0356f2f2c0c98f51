package io.uxprobe.probes.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP server whose every connection is answered by hand, for faults WireMock cannot make. */
final class RawServer implements AutoCloseable {

    interface Handler {
        void handle(Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicInteger connections = new AtomicInteger();

    RawServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return null;
                }
                connections.incrementAndGet();
                threads.submit(() -> {
                    try (s) {
                        readRequestHead(s.getInputStream());
                        handler.handle(s, s.getOutputStream());
                    } catch (Exception ignored) {
                        // the client hung up: expected in fault tests
                    }
                    return null;
                });
            }
            return null;
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) != -1) {
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
