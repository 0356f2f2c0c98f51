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

    // the phases follow one another without a gap, so they add up to the step, and the steps to the journey
    private static final Duration OUR_OWN_TIME = Duration.ofMillis(2);

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

    @Test
    void phasesAddUpToEachStepAndStepsToTheJourney() throws Exception {
        try (RawServer server = new RawServer((head, socket, out) -> {
                    if (head.startsWith("GET /old ")) {
                        RawServer.write(out, "HTTP/1.1 301 Moved\r\nLocation: /new\r\nConnection: close\r\nContent-Length: 5\r\n\r\nmoved");
                    } else if (head.startsWith("GET /audio ")) {
                        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: 100000000\r\n\r\n");
                        byte[] chunk = new byte[16 * 1024];
                        while (true) out.write(chunk);
                    } else {
                        Thread.sleep(30);
                        RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 21\r\n\r\n<h1>Hello, world</h1>");
                    }
                });
                HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            StreamSpec play = new StreamSpec(Optional.of(io.uxprobe.probes.spec.DataSize.ofKiB(256)), Optional.empty(), Duration.ofSeconds(2), Optional.empty());
            Journey j = journey("three", step("redirected", server.url("/old")).build(), step("audio", server.url("/audio")).stream(play).build(),
                    step("page", server.url("/page")).build());
            runner.run(j, Variables.empty(), Redactor.none()); // warm-up: class loading is not the run's time
            for (int i = 0; i < 3; i++) {
                JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
                assertThat(r.passed()).as(r.toString()).isTrue();
                Duration steps = Duration.ZERO;
                for (StepResult s : r.steps()) {
                    assertThat(s.duration().minus(s.phases().total()).abs()).as("phases of %s", s).isLessThanOrEqualTo(OUR_OWN_TIME);
                    steps = steps.plus(s.duration());
                }
                assertThat(r.duration().minus(steps).abs()).as("steps of %s", r).isLessThanOrEqualTo(OUR_OWN_TIME);
                // the page waits 30 ms: a server that wakes before our write call returns starts it a hair before our clock
                assertThat(r.steps().getFirst().phases().get(Phase.TTFB)).as("both requests of the redirect").isGreaterThanOrEqualTo(Duration.ofMillis(25));
            }
        }
    }

    @Test
    void aStreamStepEndsWithItsLastReadNotAfterDrainingTheRest() throws Exception {
        // an endless stream: were the rest of the body drained before the connection is let go (OkHttp does so for
        // up to 100 ms), the run would take that long past its last read
        try (RawServer server = new RawServer((socket, out) -> {
                    RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: audio/mpeg\r\nContent-Length: 100000000\r\n\r\n");
                    byte[] chunk = new byte[16 * 1024];
                    while (true) out.write(chunk);
                });
                HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            StreamSpec play = new StreamSpec(Optional.of(io.uxprobe.probes.spec.DataSize.ofKiB(64)), Optional.empty(), Duration.ofSeconds(2), Optional.empty());
            Journey j = journey("playback", step("audio", server.url("/audio")).stream(play).build());
            runner.run(j, Variables.empty(), Redactor.none());
            Duration leastOverhead = Duration.ofDays(1);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                JourneyResult r = runner.run(j, Variables.empty(), Redactor.none());
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                assertThat(r.passed()).as(r.toString()).isTrue();
                Duration overhead = wall.minus(r.duration());
                if (overhead.compareTo(leastOverhead) < 0) leastOverhead = overhead;
            }
            assertThat(leastOverhead).as("a run's wall time beyond its one step").isLessThan(Duration.ofMillis(50));
        }
    }
}
