package io.uxprobe.probes.journey;

import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import io.uxprobe.probes.testing.RawServer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When uxprobe stops reading headers at its own limit, the failure says so, and does not blame the server's socket. */
class HeaderLimitTest {

    static Failure probe(RawServer.Handler answer) throws Exception {
        try (RawServer server = new RawServer(answer); HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            return runner.run(journey("j", step("s", server.url("/")).build()), Variables.empty(), Redactor.none()).failure().orElseThrow();
        }
    }

    @Test
    void headersPastTheLimitAreNamedAsSuch() throws Exception {
        Failure f = probe((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
            for (int i = 0; i < 300; i++) RawServer.write(out, "X-Filler-" + i + ": " + "a".repeat(1000) + "\r\n");
            RawServer.write(out, "Content-Length: 2\r\n\r\nok");
        });
        assertThat(f.reason()).isEqualTo(FailureReason.PROTOCOL);
        assertThat(f.detail()).isEqualTo("the response headers are larger than 256KiB, the most uxprobe reads (as browsers do): stopped reading them");
    }

    @Test
    void oneHeaderLineLongerThanTheLimit() throws Exception {
        Failure f = probe((socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(300 * 1024) + "\r\n\r\n"));
        assertThat(f.detail()).startsWith("the response headers are larger than 256KiB");
    }

    @Test
    void headersCutOffByTheServerAreTheServersDoing() throws Exception {
        Failure f = probe((socket, out) -> RawServer.write(out, "HTTP/1.1 200 OK\r\nX-Half: " + "c".repeat(10_000)));
        assertThat(f.reason()).isEqualTo(FailureReason.PROTOCOL);
        assertThat(f.detail()).isEqualTo("the server closed the connection (empty or cut-off reply) waiting for the response headers");
    }
}
