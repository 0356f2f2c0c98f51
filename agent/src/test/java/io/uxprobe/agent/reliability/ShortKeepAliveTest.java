package io.uxprobe.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.log.RunLog;
import io.uxprobe.agent.status.Backoff;
import io.uxprobe.agent.status.Notifier;
import io.uxprobe.agent.status.NotifySettings;
import io.uxprobe.agent.status.StatusBoard;
import io.uxprobe.agent.status.Webhook;
import io.uxprobe.agent.testing.Nginx;
import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.StatePolicy;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx that closes idle connections after 2 s, met after 2.5 s each time: the pooled connection is always
 * stale. Neither a journey with {@code reuseConnections: true} nor a webhook may fail for it.
 */
class ShortKeepAliveTest {

    /** Past nginx's keepalive_timeout: the connection kept from the last request is closed by now. */
    private static final Duration PAUSE = Duration.ofMillis(2500);

    @TempDir
    static Path dir;
    static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        nginx = Nginx.start(dir, "2s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) nginx.close();
    }

    @Test
    void journeysThatReuseConnectionsNeverFailForAStaleOne() throws Exception {
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, """
                defaults: { reuseConnections: true }
                journeys:
                  - name: home
                    steps:
                      - name: page
                        request: { url: "%s" }
                        expect: { bodyContains: ok }
                """.formatted(nginx.url("/home")));
        Journey journey = new JourneyFileLoader().load(file, Map.of(), Environment.of(Map.of())).journeys().getFirst();
        try (HttpClients clients = new HttpClients()) {
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            for (int run = 0; run < 3; run++) {
                if (run > 0) Thread.sleep(PAUSE.toMillis());
                JourneyResult r = runner.run(journey, io.uxprobe.probes.template.Variables.empty(), io.uxprobe.probes.template.Redactor.none());
                assertThat(r.passed()).as("run %d: %s", run, r).isTrue();
                if (run > 0) {
                    assertThat(r.steps().getFirst().phases().get(io.uxprobe.probes.journey.Phase.CONNECT))
                            .as("the stale connection was replaced by a new one").isPositive();
                }
            }
        }
    }

    @Test
    void webhooksAreDeliveredAtTheFirstAttemptOverAStaleConnection() throws Exception {
        StringWriter logged = new StringWriter();
        RunLog log = new RunLog(new PrintWriter(logged, true), RunLog.Format.TEXT, Clock.systemUTC());
        StatusBoard board = new StatusBoard();
        Notifier notifier = new Notifier(URI.create("http://agent.local:9109/"), log,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), 100);
        try {
            board.addListener(notifier);
            notifier.configure(Map.of("checkout", new NotifySettings(List.of(Webhook.json(URI.create(nginx.url("/hook")))), Optional.empty())));
            board.register("checkout", "eu-west", StatePolicy.DEFAULT);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            board.record("eu-west", run(t, true), false);
            board.record("eu-west", run(t.plusSeconds(60), false), false);
            board.record("eu-west", run(t.plusSeconds(120), false), false); // down: the first message
            awaitDelivered(logged, 1);
            Thread.sleep(PAUSE.toMillis());
            board.record("eu-west", run(t.plusSeconds(180), true), false); // up again: the second, over the kept connection
            awaitDelivered(logged, 2);
            assertThat(logged.toString()).doesNotContain("webhook delivery failed")
                    .contains("state=down attempts=1", "state=up attempts=1");
        } finally {
            notifier.close(Duration.ZERO);
        }
    }

    private static void awaitDelivered(StringWriter logged, int messages) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && logged.toString().split("msg=\"webhook delivered\"", -1).length - 1 < messages) Thread.sleep(20);
        assertThat(logged.toString().split("msg=\"webhook delivered\"", -1).length - 1).as(logged.toString()).isEqualTo(messages);
    }

    private static JourneyResult run(Instant at, boolean passed) {
        Optional<Failure> failure = passed ? Optional.empty() : Optional.of(Failure.of(FailureReason.HTTP_STATUS, "expected status 200, got 503"));
        StepResult step = new StepResult("pay", passed ? Outcome.PASSED : Outcome.FAILED, failure, "GET", "https://shop.example/pay",
                OptionalInt.of(passed ? 200 : 503), at, Duration.ofMillis(20), PhaseTimings.none(), 10, OptionalDouble.empty(), Optional.empty(),
                Detection.NONE);
        return new JourneyResult("checkout", at, Duration.ofMillis(20), List.of(step));
    }
}
