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
import io.uxprobe.probes.testing.RawServer;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The phase timings tell the truth: the server's delay shows up as ttfb, and the phases add up to the step. */
class TimingTest {

    // the step's time outside its phases (building the request, checks): well under a millisecond, but a busy
    // 2-core CI machine preempts a thread for several; a phase left out would miss by 200 ms or more
    private static final Duration OUR_OWN_TIME = Duration.ofMillis(25);

    @Test
    void ttfbIsTheServersDelayAndPhasesAddUpToTheStep() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try (HttpClients clients = new HttpClients()) {
            wm.stubFor(get("/delayed").willReturn(aResponse().withFixedDelay(300).withBody("x".repeat(10_000))));
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("timed", step("delayed", "http://127.0.0.1:" + wm.port() + "/delayed").build());
            runner.run(j, Variables.empty(), Redactor.none()); // warm-up: class loading is not the server's time

            for (int i = 0; i < 3; i++) {
                StepResult s = runner.run(j, Variables.empty(), Redactor.none()).steps().getFirst();
                assertThat(s.passed()).as(s.toString()).isTrue();
                Duration ttfb = s.phases().get(Phase.TTFB);
                // from our last request byte to the server's first: a server that wakes before our write call returns
                // starts its delay a hair before we take the time
                assertThat(ttfb).as("ttfb").isBetween(Duration.ofMillis(295), Duration.ofMillis(320));
                assertThat(s.phases().get(Phase.CONNECT)).as("fresh connection each run").isPositive();
                Duration gap = s.duration().minus(s.phases().total()).abs();
                assertThat(gap).as("phases %s vs step %s", s.phases(), s.duration()).isLessThanOrEqualTo(OUR_OWN_TIME);
            }
        } finally {
            wm.stop();
        }
    }

    @Test
    void ttfbEndsAtTheAnswersFirstByteAndHeaderTimeIsTransfer() throws Exception {
        // the status line comes at once, the rest of the headers 200 ms later: the server answered at once
        try (RawServer server = new RawServer((socket, out) -> {
                    RawServer.write(out, "HTTP/1.1 200 OK\r\n");
                    Thread.sleep(200);
                    RawServer.write(out, "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
                });
                HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("first-byte", step("slow-headers", server.url("/")).build());
            runner.run(j, Variables.empty(), Redactor.none());
            StepResult s = runner.run(j, Variables.empty(), Redactor.none()).steps().getFirst();
            assertThat(s.passed()).as(s.toString()).isTrue();
            assertThat(s.phases().get(Phase.TTFB)).as("ttfb").isLessThan(Duration.ofMillis(100));
            // the 200 ms are counted from when our read of the status line returned, a hair after the server wrote it
            assertThat(s.phases().get(Phase.TRANSFER)).as("transfer").isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(s.duration().minus(s.phases().total()).abs()).as("phases add up").isLessThanOrEqualTo(OUR_OWN_TIME);
        }
    }

    @Test
    void overTlsTheSessionTicketIsNotTakenForTheAnswer() {
        // TLS 1.3 servers send a session ticket after the handshake; it is read after the request is written
        WireMockServer wm = new WireMockServer(options().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1"));
        wm.start();
        try (HttpClients clients = new HttpClients()) {
            wm.stubFor(get("/delayed").willReturn(aResponse().withFixedDelay(200).withBody("ok")));
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("tls-timed", StepBuilder.withTls(new Tls(Optional.empty(), true)),
                    step("delayed", "https://127.0.0.1:" + wm.httpsPort() + "/delayed").build());
            runner.run(j, Variables.empty(), Redactor.none());
            for (int i = 0; i < 3; i++) {
                StepResult s = runner.run(j, Variables.empty(), Redactor.none()).steps().getFirst();
                assertThat(s.passed()).as(s.toString()).isTrue();
                assertThat(s.phases().get(Phase.TLS)).as("a fresh TLS connection each run").isPositive();
                // WireMock's TLS answers may come up to 50 ms late; a ticket taken for the answer would read ~0
                assertThat(s.phases().get(Phase.TTFB)).as("ttfb").isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
            }
        } finally {
            wm.stop();
        }
    }
}
