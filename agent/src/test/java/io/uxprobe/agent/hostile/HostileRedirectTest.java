package io.uxprobe.agent.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.uxprobe.agent.cli.Main;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.testing.RawServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile redirects, through the real CLI: to another origin (credentials stay behind), from HTTPS to HTTP (refused
 * unless allowed), from an HTTP/1.0 server that closes every connection, and in a loop.
 */
class HostileRedirectTest {

    static final String TOKEN = "tok-5e1f9a7c3b";
    static final String API_KEY = "key-0d9c8b7a6f";
    static final Map<String, String> ENV = Map.of("TOKEN", TOKEN, "API_KEY", API_KEY);

    @TempDir
    Path dir;

    static WireMockServer tls;

    @BeforeAll
    static void startTls() {
        tls = new WireMockServer(options().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1"));
        tls.start();
    }

    @AfterAll
    static void stopTls() {
        tls.stop();
    }

    record Run(int code, String out, String err) {}

    Run uxprobe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(ENV), args);
        return new Run(code, out.toString(), err.toString());
    }

    Run run(String yaml) throws Exception {
        Path file = dir.resolve("journeys-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        Path report = dir.resolve("report.json");
        Run r = uxprobe("run", file.toString(), "--report-json", report.toString());
        String shown = r.out() + r.err() + Files.readString(report);
        assertThat(shown).doesNotContain(TOKEN).doesNotContain(API_KEY);
        return r;
    }

    static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";

    static List<String> headerNames(String head) {
        List<String> names = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.contains(" HTTP/1.1")) names.add(line.substring(0, colon).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    @Test
    void aRedirectToAnotherOriginLeavesEveryCredentialBehind() throws Exception {
        try (RawServer elsewhere = new RawServer((socket, out) -> RawServer.write(out, OK));
                RawServer origin = new RawServer((head, socket, out) -> RawServer.write(out, head.startsWith("GET /start ")
                        ? "HTTP/1.1 302 Found\r\nLocation: " + elsewhere.url("/landing") + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                        : OK))) {
            Run r = run("""
                    vars:
                      tenant: "acme-${secret:TOKEN}"
                    journeys:
                      - name: sso
                        steps:
                          - name: start
                            request:
                              url: "%s"
                              headers:
                                Authorization: "Bearer ${secret:TOKEN}"
                                Cookie: "session=s-1"
                                X-Api-Key: "${secret:API_KEY}"
                                X-Tenant: "${tenant}"
                                Accept: "text/plain"
                    """.formatted(origin.url("/start")));
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(headerNames(origin.heads.peek())).contains("authorization", "cookie", "x-api-key", "x-tenant", "accept");
            assertThat(headerNames(elsewhere.heads.peek())).contains("accept", "user-agent")
                    .doesNotContain("authorization", "cookie", "x-api-key", "x-tenant");
        }
    }

    @Test
    void fromHttpsToHttpIsRefusedUnlessAllowed() throws Exception {
        try (RawServer plain = new RawServer((socket, out) -> RawServer.write(out, OK))) {
            tls.stubFor(get("/login").willReturn(aResponse().withStatus(302).withHeader("Location", plain.url("/landing?from=tls"))));
            String journey = """
                    defaults: { tls: { insecure: true } }
                    journeys:
                      - name: login
                        steps:
                          - name: login
                            request:
                              url: "https://127.0.0.1:%d/login"
                              headers: { Authorization: "Bearer ${secret:TOKEN}" }
                    """.formatted(tls.httpsPort());

            Run refused = run(journey);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.out()).contains("302", "tls: refused the redirect to " + plain.url("/landing")
                    + ": it leaves HTTPS, so the request and its answer would travel unencrypted");
            assertThat(plain.requests.get()).as("nothing went out unencrypted").isZero();

            Run allowed = run(journey.replace("headers:", "allowInsecureRedirects: true\n          headers:"));
            assertThat(allowed.code()).as(allowed.out()).isZero();
            assertThat(headerNames(plain.heads.peek())).as("another origin").doesNotContain("authorization");

            String url = "https://127.0.0.1:" + tls.httpsPort() + "/login";
            assertThat(uxprobe("check", "-k", url).out()).contains("tls: refused the redirect to");
            assertThat(uxprobe("check", "-k", "--allow-insecure-redirects", url).code()).isZero();
        }
    }

    @Test
    void anHttp10ServersRedirectIsFollowedAsCurlFollowsIt() throws Exception {
        // python3 -m http.server: HTTP/1.0, a 301 to the folder with a slash, every connection closed after its answer
        try (RawServer python = new RawServer((head, socket, out) -> RawServer.write(out, head.startsWith("GET /music ")
                ? "HTTP/1.0 301 Moved Permanently\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\nLocation: /music/\r\nContent-Length: 0\r\n\r\n"
                : "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\nContent-Type: text/html\r\nContent-Length: 19\r\n\r\n<h1>Directory</h1>\n"))) {
            Run r = run("""
                    journeys:
                      - name: folder
                        steps:
                          - name: music
                            request: { url: "%s" }
                            expect: { status: 200, bodyContains: Directory }
                    """.formatted(python.url("/music")));
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(uxprobe("check", python.url("/music")).code()).isZero();
        }
    }

    @Test
    void aRedirectLoopEndsAfterTwentyRedirects() throws Exception {
        try (RawServer loop = new RawServer((socket, out) ->
                RawServer.write(out, "HTTP/1.1 302 Found\r\nLocation: /again\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))) {
            Run r = run("""
                    journeys:
                      - name: loop
                        steps:
                          - name: again
                            request: { url: "%s" }
                    """.formatted(loop.url("/again")));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("protocol: more than 20 redirects, the last to " + loop.url("/again"));
            assertThat(loop.requests.get()).isEqualTo(21);
        }
    }
}
