package io.uxprobe.probes.journey;

import static io.uxprobe.probes.journey.StepBuilder.journey;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Environment;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.testing.RawServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password in a URL's user info reaches the server it belongs to, as Basic credentials, whatever characters it
 * holds; and neither it nor the credentials made of it are ever shown.
 */
class UserInfoTest {

    static final String PASSWORD = "p@ss/w:rd?#1 é";

    @TempDir
    Path dir;

    JourneyResult run(String yaml, RawServer server) throws Exception {
        Path file = dir.resolve("j.yaml");
        Files.writeString(file, yaml.replace("PORT", String.valueOf(server.url("").split(":")[2])));
        JourneyFile loaded = new JourneyFileLoader().load(file, Map.of(), Environment.of(Map.of("PW", PASSWORD)));
        try (HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            return runner.run(loaded.journeys().getFirst(), loaded.vars(), loaded.redactor());
        }
    }

    static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretPasswordInTheUrlGoesToItsHostAsBasicCredentials() throws Exception {
        // the server echoes the credentials back, as a debugging endpoint would
        try (RawServer server = new RawServer((head, socket, out) -> {
            String body = "{\"error\": \"denied " + head.replace("\r\n", " ") + "\"}";
            RawServer.write(out, "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
        })) {
            JourneyResult r = run("""
                    journeys:
                      - name: j
                        steps:
                          - name: s
                            request: { url: "http://probe:${secret:PW}@127.0.0.1:PORT/private?x=1" }
                    """, server);
            assertThat(server.requests.get()).as("the password did not become the host").isEqualTo(1);
            String head = server.heads.peek();
            assertThat(head).startsWith("GET /private?x=1 HTTP/1.1\r\n").contains("\r\nAuthorization: Basic " + basic("probe", PASSWORD) + "\r\n");
            StepResult s = r.steps().getFirst();
            assertThat(s.status()).hasValue(401);
            assertThat(s.url()).isEqualTo(server.url("/private?x=1").replace("http://", "http://probe:***@"));
            assertThat(r.toString()).doesNotContain(basic("probe", PASSWORD)).doesNotContain("p@ss").doesNotContain("p%40ss");
        }
    }

    @Test
    void aVarThatIsABaseUrlWithAPasswordWorksToo() throws Exception {
        try (RawServer server = new RawServer((socket, out) -> RawServer.write(out,
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"))) {
            JourneyResult r = run("""
                    vars:
                      base: "http://probe:${secret:PW}@127.0.0.1:PORT"
                    journeys:
                      - name: j
                        steps:
                          - name: s
                            request: { url: "${base}/home" }
                    """, server);
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(server.heads.peek()).startsWith("GET /home HTTP/1.1\r\n").contains("Authorization: Basic " + basic("probe", PASSWORD));
            assertThat(r.toString()).doesNotContain("p@ss").doesNotContain(basic("probe", PASSWORD));
        }
    }

    @Test
    void aPasswordWrittenOutIsMaskedAndTheStepsOwnAuthorizationWins() throws Exception {
        try (RawServer server = new RawServer((socket, out) -> RawServer.write(out,
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"))) {
            JourneyResult r = run("""
                    journeys:
                      - name: j
                        steps:
                          - name: s
                            request:
                              url: "http://probe:written-out@127.0.0.1:PORT/"
                              headers: { Authorization: "Bearer t-1" }
                    """, server);
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(server.heads.peek()).contains("\r\nAuthorization: Bearer t-1\r\n").doesNotContain("Basic");
            assertThat(r.steps().getFirst().url()).contains("probe:***@");
        }
    }

    @Test
    void redactorSeesBothForms() {
        Redactor r = Redactor.of(List.of(PASSWORD, basic("probe", PASSWORD)));
        assertThat(r.redact("Authorization: Basic " + basic("probe", PASSWORD))).isEqualTo("Authorization: Basic ***");
    }
}
