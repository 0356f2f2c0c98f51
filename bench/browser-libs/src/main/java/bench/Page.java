package bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The page both libraries play: a search box, a button, results fetched from an API. */
final class Page implements AutoCloseable {

    private static final String HTML = """
            <!doctype html><html><head><meta charset="utf-8"><title>player</title></head><body>
            <input id="q" aria-label="Search"><button id="go">Search</button><ul id="results"></ul>
            <script>
            document.getElementById('go').addEventListener('click', async () => {
              const r = await fetch('/api/search?q=' + encodeURIComponent(document.getElementById('q').value));
              const j = await r.json();
              document.getElementById('results').innerHTML = j.results.map(t => '<li>' + t + '</li>').join('');
            });
            </script></body></html>
            """;

    private final HttpServer server;

    Page() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> reply(ex, "text/html", HTML));
        server.createContext("/api/search", ex -> reply(ex, "application/json", "{\"results\":[\"Blue in Green\",\"So What\"]}"));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
