package io.uxprobe.probes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP server whose every connection is answered by hand, for faults WireMock cannot make; it counts connections and requests. */
public final class RawServer implements AutoCloseable {

    /** Answers one request, whose head has been read; {@code socket} gives the rest of the request. */
    public interface Handler {
        void handle(Socket socket, OutputStream out) throws Exception;
    }

    /** Answers one request knowing its head: request line and headers, up to the blank line. */
    public interface Answer {
        void handle(String head, Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    public final AtomicInteger connections = new AtomicInteger();
    /** Requests whose head arrived whole. */
    public final AtomicInteger requests = new AtomicInteger();
    /** The heads of those requests, in the order they arrived. */
    public final Queue<String> heads = new ConcurrentLinkedQueue<>();

    public RawServer(Handler handler) throws IOException {
        this((head, socket, out) -> handler.handle(socket, out));
    }

    public RawServer(Answer handler) throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
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
                        String head = readRequestHead(s.getInputStream());
                        if (head == null) return null;
                        heads.add(head);
                        requests.incrementAndGet();
                        handler.handle(head, s, s.getOutputStream());
                    } catch (Exception ignored) {
                        // the client hung up: expected in fault tests
                    }
                    return null;
                });
            }
            return null;
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    public static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The request's head, up to the blank line after the headers; null when the client hung up first. */
    private static String readRequestHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) != -1) {
            head.append((char) b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return state == 4 ? head.toString() : null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
