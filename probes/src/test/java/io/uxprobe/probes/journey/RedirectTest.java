package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import io.uxprobe.probes.testing.RawServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redirects are followed as a browser follows them, and credentials stay with the origin they were meant for. */
class RedirectTest {

    static final String SECRET = "s3cr3t-9f8e";

    static HttpClients clients;
    final JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());

    @BeforeAll
    static void open() {
        clients = new HttpClients();
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    JourneyResult run(Journey j) {
        return runner.run(j, Variables.empty(), Redactor.of(List.of(SECRET)));
    }

    /** As Python's http.server answers: HTTP/1.0, the folder without its slash moved, the socket closed after each answer. */
    static RawServer http10Folder() throws Exception {
        return new RawServer((head, socket, out) -> {
            if (head.startsWith("GET /folder ")) {
                RawServer.write(out, "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 Python/3.11\r\nLocation: /folder/\r\nContent-Length: 0\r\n\r\n");
            } else {
                RawServer.write(out, "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\nhello\n");
            }
        });
    }

    @Test
    void anHttp10ServersRedirectToTheFolderIsFollowed() throws Exception {
        try (RawServer server = http10Folder()) {
            JourneyResult r = run(journey("j", step("folder", server.url("/folder")).build()));
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(r.steps().getFirst().status()).hasValue(200);
            assertThat(server.heads).extracting(RedirectTest::requestLine).containsExactly("GET /folder HTTP/1.1", "GET /folder/ HTTP/1.1");
            assertThat(server.connections.get()).as("the closed connection is not reused").isEqualTo(2);
        }
    }

    @Test
    void anHttp10ServersRedirectIsFollowedOnSharedConnectionsToo() throws Exception {
        try (RawServer server = http10Folder()) {
            for (int run = 0; run < 3; run++) {
                JourneyResult r = run(journey("j", StepBuilder.reusingConnections(), step("folder", server.url("/folder")).build()));
                assertThat(r.passed()).as("run %d: %s", run, r).isTrue();
            }
            assertThat(server.requests.get()).isEqualTo(6);
        }
    }

    @Test
    void credentialsStayWithTheirOrigin() throws Exception {
        try (RawServer elsewhere = new RawServer((socket, out) -> ok(out));
                RawServer origin = new RawServer((head, socket, out) -> {
                    String path = requestLine(head).split(" ")[1];
                    switch (path) {
                        case "/same" -> RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: /landing\r\n" + CLOSED);
                        case "/away" -> RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: " + elsewhere.url("/landing") + "\r\n" + CLOSED);
                        default -> ok(out);
                    }
                })) {
            for (String path : List.of("/same", "/away")) {
                StepBuilder s = step("go", origin.url(path))
                        .header("Authorization", "Bearer tok-1").header("Cookie", "session=abc").header("X-Api-Key", "key-1")
                        .header("X-Auth-Token", "at-1").header("X-Tenant", "t-" + SECRET)
                        .header("Accept", "text/plain").header("X-Trace", "trace-1");
                JourneyResult r = run(journey("j", s.build()));
                assertThat(r.passed()).as(r.toString()).isTrue();
            }
            List<String> heads = new ArrayList<>(origin.heads);
            assertThat(heads).hasSize(3);
            String sameOrigin = heads.get(1);
            assertThat(headers(sameOrigin)).as("same origin: everything goes")
                    .containsKeys("authorization", "cookie", "x-api-key", "x-auth-token", "x-tenant", "accept", "x-trace");
            String crossOrigin = elsewhere.heads.peek();
            assertThat(headers(crossOrigin)).as("another origin: no credential, nor a header holding a secret")
                    .doesNotContainKeys("authorization", "cookie", "x-api-key", "x-auth-token", "x-tenant")
                    .containsEntry("accept", "text/plain").containsEntry("x-trace", "trace-1");
        }
    }

    @Test
    void fromHttpsToHttpIsRefusedUnlessTheStepAllowsIt() throws Exception {
        WireMockServer tls = new WireMockServer(options().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1"));
        tls.start();
        try (RawServer plain = new RawServer((socket, out) -> ok(out))) {
            tls.stubFor(get("/login").willReturn(aResponse().withStatus(302).withHeader("Location", plain.url("/landing?session=" + SECRET))));
            Settings insecureTls = StepBuilder.withTls(new Tls(Optional.empty(), true));
            String login = "https://127.0.0.1:" + tls.httpsPort() + "/login";

            StepResult refused = run(journey("j", insecureTls, step("login", login).header("Authorization", "Bearer tok-1").build())).steps().getFirst();
            assertThat(refused.failure().orElseThrow().reason()).isEqualTo(FailureReason.TLS);
            assertThat(refused.failure().get().detail()).isEqualTo("refused the redirect to " + plain.url("/landing")
                    + ": it leaves HTTPS, so the request and its answer would travel unencrypted"
                    + " (allowInsecureRedirects: true in the request, or check --allow-insecure-redirects, follows it)");
            assertThat(refused.status()).hasValue(302);
            assertThat(plain.requests.get()).as("nothing went out unencrypted").isZero();

            StepResult allowed = run(journey("j", insecureTls, step("login", login).header("Authorization", "Bearer tok-1")
                    .allowInsecureRedirects().build())).steps().getFirst();
            assertThat(allowed.passed()).as(allowed.toString()).isTrue();
            assertThat(headers(plain.heads.peek())).as("another origin").doesNotContainKey("authorization");
        } finally {
            tls.stop();
        }
    }

    @Test
    void theMethodChangesWhereBrowsersChangeIt() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (RawServer server = new RawServer((head, socket, out) -> {
            bodies.add(body(head, socket.getInputStream()));
            String path = requestLine(head).split(" ")[1];
            switch (path) {
                case "/see-other" -> RawServer.write(out, "HTTP/1.1 303 See Other\r\nLocation: /done\r\n" + CLOSED);
                case "/found" -> RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: /done\r\n" + CLOSED);
                case "/temporary" -> RawServer.write(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation: /again\r\n" + CLOSED);
                default -> ok(out);
            }
        })) {
            Map<String, Template> form = new LinkedHashMap<>();
            form.put("q", StepBuilder.template("jazz"));
            for (String path : List.of("/see-other", "/found", "/temporary")) {
                JourneyResult r = run(journey("j", step("post", server.url(path)).method("POST").body(new Body.Form(form)).build()));
                assertThat(r.passed()).as(r.toString()).isTrue();
            }
            List<String> heads = new ArrayList<>(server.heads);
            assertThat(heads).extracting(RedirectTest::requestLine).containsExactly(
                    "POST /see-other HTTP/1.1", "GET /done HTTP/1.1",
                    "POST /found HTTP/1.1", "GET /done HTTP/1.1",
                    "POST /temporary HTTP/1.1", "POST /again HTTP/1.1");
            assertThat(headers(heads.get(1))).doesNotContainKeys("content-type", "content-length");
            assertThat(bodies).containsExactly("q=jazz", "", "q=jazz", "", "q=jazz", "q=jazz");
        }
    }

    /** The end of a head for RawServer's one answer per connection. */
    static final String CLOSED = "Connection: close\r\nContent-Length: 0\r\n\r\n";

    static void ok(java.io.OutputStream out) throws java.io.IOException {
        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
    }

    static String requestLine(String head) {
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** Header names (lower case) to values. */
    static Map<String, String> headers(String head) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("GET ") && !line.startsWith("POST ")) {
                out.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    static String body(String head, InputStream in) throws java.io.IOException {
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (!length.find()) return "";
        return new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }
}
