package io.uxprobe.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The site {@link JourneyRunBenchmark}'s journey plays against: JDK's {@code HttpServer} on 127.0.0.1, run in a JVM of
 * its own so its allocations stay out of the benchmark's {@code gc.alloc.rate.norm} (JMH counts every thread of its
 * JVM). Prints its port on the first line of stdout; exits when its stdin closes, so it never outlives the benchmark.
 *
 * <pre>
 * GET  /          the ~1 KiB home page (text/html)
 * POST /api/login {"token":"t-42"} and a session cookie
 * GET  /api/me    {"name":"Ada",...} with the token and the cookie, 401 without
 * </pre>
 */
public final class TargetServer {

    static final String TOKEN = "t-42";
    static final String SESSION = "s-123";

    private static final byte[] HOME = Bodies.SMALL_HTML.getBytes(StandardCharsets.UTF_8);
    private static final byte[] LOGIN = ("{\"token\":\"" + TOKEN + "\",\"expiresIn\":3600}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ME = "{\"name\":\"Ada\",\"plan\":\"premium\",\"country\":\"GB\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DENIED = "{\"error\":{\"message\":\"Sign in again.\"}}".getBytes(StandardCharsets.UTF_8);

    private TargetServer() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", TargetServer::handle);
        server.start(); // no executor: handled on the server's own thread, one connection at a time is all a run needs
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // wait for the parent to go
            }
        }
        server.stop(0);
        System.exit(0);
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try (InputStream body = ex.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("/")) {
                send(ex, 200, "text/html; charset=utf-8", HOME);
            } else if (method.equals("POST") && path.equals("/api/login")) {
                ex.getResponseHeaders().add("Set-Cookie", "session=" + SESSION + "; Path=/; HttpOnly");
                send(ex, 200, "application/json", LOGIN);
            } else if (method.equals("GET") && path.equals("/api/me")) {
                boolean token = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
                List<String> cookies = ex.getRequestHeaders().get("Cookie");
                boolean session = cookies != null && cookies.stream().anyMatch(c -> c.contains("session=" + SESSION));
                if (token && session) send(ex, 200, "application/json", ME);
                else send(ex, 401, "application/json", DENIED);
            } else {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
