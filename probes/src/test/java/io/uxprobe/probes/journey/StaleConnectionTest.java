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

/**
 * A pooled connection the server has closed meanwhile never fails a step: the request goes again on a new
 * connection, as a browser sends it. Anything else that breaks is never sent twice.
 */
class StaleConnectionTest {

    /** Keeps each connection open {@code idleMillis} after its one answer, then closes it: a short keep-alive timeout. */
    static RawServer keepAliveFor(long idleMillis) throws Exception {
        return new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
            Thread.sleep(idleMillis);
        });
    }

    @Test
    void aSharedConnectionClosedBetweenRunsIsReplaced() throws Exception {
        try (RawServer server = keepAliveFor(100); HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("j", StepBuilder.reusingConnections(), step("s", server.url("/")).build());
            for (int run = 0; run < 3; run++) {
                JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
                assertThat(r.passed()).as("run %d: %s", run, r).isTrue();
                Thread.sleep(400); // past the server's keep-alive: the pooled connection is closed now
            }
            assertThat(server.requests.get()).isEqualTo(3);
            assertThat(server.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void aConnectionClosedAsTheNextStepBeginsIsReplaced() throws Exception {
        // the server answers one request per connection, then closes it 150 ms later: the second step's request
        // meets a connection that is still open, waits, and sees it close without an answer
        try (RawServer server = keepAliveFor(150); HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            JourneyResult r = runner.run(journey("j", step("a", server.url("/a")).build(), step("b", server.url("/b")).build()),
                    Variables.empty(), Redactor.none());
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(server.requests.get()).isEqualTo(2);
            StepResult b = r.steps().get(1);
            assertThat(b.duration()).as("the wait for the dead connection is the step's").isEqualTo(b.phases().total());
        }
    }

    @Test
    void anHttp10ServerOnSharedConnections() throws Exception {
        try (RawServer http10 = new RawServer((socket, out) -> RawServer.write(out, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"));
                HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("j", StepBuilder.reusingConnections(), step("a", http10.url("/a")).build(), step("b", http10.url("/b")).build());
            for (int run = 0; run < 3; run++) {
                JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
                assertThat(r.passed()).as("run %d: %s", run, r).isTrue();
            }
            assertThat(http10.requests.get()).isEqualTo(6);
        }
    }

    @Test
    void aFreshConnectionThatBreaksIsNeverRetried() throws Exception {
        try (RawServer server = new RawServer((socket, out) -> socket.setSoLinger(true, 0)); HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            JourneyResult r = runner.run(journey("j", StepBuilder.reusingConnections(), step("s", server.url("/")).build()),
                    Variables.empty(), Redactor.none());
            assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.PROTOCOL);
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }
}
