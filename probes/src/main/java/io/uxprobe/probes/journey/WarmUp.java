package io.uxprobe.probes.journey;

import com.jayway.jsonpath.JsonPath;
import io.uxprobe.probes.check.Comparison;
import io.uxprobe.probes.check.Expectation;
import io.uxprobe.probes.check.JsonMatcher;
import io.uxprobe.probes.check.StatusRange;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.extract.Extraction;
import io.uxprobe.probes.extract.Extractor;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Plays a journey against a loopback server of its own before the real journeys run: the JVM's start-up (loading
 * and first running OkHttp, jsoup, the error catalog, and where the journeys need them TLS and JSONPath: some
 * 100 to 400 ms) then falls in no journey's phases, and the first journey of {@code run} or {@code check} reads as
 * the ones after it. What the warm-up finds is thrown away, and nothing in it can fail a command.
 */
public final class WarmUp {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final String PAGE = "<!doctype html><html><head><title>Shop</title></head><body><h1>Welcome back</h1>"
            + "<p class=\"hidden\">Something went wrong</p><p>3 items in your basket</p></body></html>";
    private static final String JSON = "{\"token\": \"t-1\", \"items\": [{\"id\": 1}, {\"id\": 2}]}";

    /** What the journeys about to run use beyond plain HTTP and HTML: only that is warmed, the rest costs nothing. */
    public record Needs(boolean tls, boolean json) {

        public static final Needs NOTHING_MORE = new Needs(false, false);

        /** TLS when a step's URL (with the file's vars filled in) is https://, JSON when a step reads or sends JSON. */
        public static Needs of(List<Journey> journeys, Variables vars) {
            boolean tls = false;
            boolean json = false;
            for (Journey j : journeys) {
                for (Step step : j.steps()) {
                    if (!(step instanceof HttpStep s)) continue; // a browser step warms its own browser
                    tls |= url(s.request().url(), vars).startsWith("https:");
                    json |= s.request().body() instanceof Body.Json
                            || s.expectations().stream().anyMatch(e -> e instanceof Expectation.JsonPath)
                            || s.extractions().stream().anyMatch(x -> x.from() instanceof Extractor.JsonPath);
                }
            }
            return new Needs(tls, json);
        }

        public Needs and(Needs other) {
            return new Needs(tls || other.tls, json || other.json);
        }

        private static String url(Template url, Variables vars) {
            try {
                return url.renderUrl(vars).toLowerCase(Locale.ROOT);
            } catch (IllegalStateException extractedLater) {
                return url.toString().toLowerCase(Locale.ROOT);
            }
        }
    }

    private WarmUp() {}

    /** Warms {@code clients} and the classes the journeys will use; returns within a few seconds at most. */
    public static void run(HttpClients clients, Needs needs) {
        Thread serving = null;
        try (ServerSocket server = needs.tls() ? tlsServer() : new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            // a platform thread, ended before this returns: a virtual thread's poller would stay blocked in epoll_wait,
            // and a JVM that exits waits ~300 ms for threads still in native code (a check's whole exit)
            serving = Thread.ofPlatform().daemon().name("uxprobe-warm-up").start(() -> serve(server));
            Settings settings = new Settings(DEADLINE, DEADLINE, DEADLINE, Settings.BUILT_IN.headers(), Settings.BUILT_IN.maxBodySize(),
                    true, false, new Tls(Optional.empty(), needs.tls()), StatePolicy.DEFAULT);
            String base = (needs.tls() ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort();
            JourneyRunner runner = new JourneyRunner(clients, ErrorDetector.catalogOnly(), Clock.systemUTC());
            runner.run(journey(settings, base, needs.json()), Variables.empty(), Redactor.of(List.of("t-1")));
        } catch (IOException | RuntimeException e) {
            // a machine that cannot listen on loopback runs its first journey cold: no harm beyond that
        }
        if (serving != null) {
            try {
                serving.join(DEADLINE.toMillis()); // the socket is closed: accept returns at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ServerSocket tlsServer() throws IOException {
        HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").ecdsa256().build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        SSLServerSocket socket = (SSLServerSocket) server.sslContext().getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        return socket;
    }

    private static Journey journey(Settings settings, String base, boolean json) {
        Position here = Position.unknown(Path.of("warm-up"));
        HttpStep page = new HttpStep("page", here, request(base + "/page"),
                List.of(new Expectation.Status(List.of(StatusRange.ofClass(2))), new Expectation.BodyContains(Template.literal("Welcome"))),
                List.of(), Optional.empty(), true, DEADLINE, DataSize.ofKiB(64));
        if (!json) return new Journey("warm-up", here, settings, List.of(page)); // JSONPath and BigDecimal are not loaded for nothing
        HttpStep api = new HttpStep("api", here, request(base + "/api"),
                List.of(new Expectation.JsonPath("$.items", JsonPath.compile("$.items"),
                        List.of(new JsonMatcher.Length(new Comparison(Comparison.Operator.GT, BigDecimal.ZERO))))),
                List.of(new Extraction("token", new Extractor.JsonPath("$.token", JsonPath.compile("$.token")), true)),
                Optional.empty(), true, DEADLINE, DataSize.ofKiB(64));
        return new Journey("warm-up", here, settings, List.of(page, api));
    }

    private static Request request(String url) {
        return new Request("GET", Template.literal(url), List.of(), Map.of(), Body.NONE, true);
    }

    /** Answers every connection with the page or the JSON, by path, until the socket closes. */
    private static Void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                String head = head(s.getInputStream());
                boolean api = head.startsWith("GET /api ");
                byte[] body = (api ? JSON : PAGE).getBytes(StandardCharsets.UTF_8);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + (api ? "application/json" : "text/html; charset=utf-8")
                        + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // closed at the end of the warm-up, or a client that gave up
            }
        }
        return null;
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            b.append((char) c);
            if (b.length() >= 4 && b.lastIndexOf("\r\n\r\n") == b.length() - 4) break;
        }
        return b.toString();
    }
}
