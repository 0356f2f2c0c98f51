package io.uxprobe.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.journey.Body;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.Request;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Step;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);
    final Watchdog watchdog = new Watchdog();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        watchdog.close();
    }

    static Step step(String name) {
        Request request = new Request("GET", Template.literal("https://music.example/" + name), List.of(), Map.of(), Body.NONE, true);
        return new Step(name, new Position(Path.of("j.yaml"), 1, 1), request, List.of(), List.of(), Optional.empty(), true,
                TIMEOUT, DataSize.ofMiB(1));
    }

    static Journey journey() {
        Settings s = Settings.BUILT_IN;
        Settings settings = new Settings(s.interval(), TIMEOUT, TIMEOUT, s.headers(), s.maxBodySize(), s.followRedirects(),
                s.reuseConnections(), s.tls(), s.state());
        return new Journey("listen", new Position(Path.of("j.yaml"), 1, 1), settings, List.of(step("search"), step("play")));
    }

    static JourneyResult passed() {
        return new JourneyResult("listen", Instant.now(), Duration.ofMillis(5), List.of());
    }

    /** A run stuck in work no interrupt reaches, until the test lets it go. */
    JourneyResult stuck() {
        while (true) {
            try {
                if (release.await(10, TimeUnit.SECONDS)) return passed();
            } catch (InterruptedException ignored) {
                // like a regex deep in a library: the interrupt changes nothing
            }
        }
    }

    @Test
    void aRunThatEndsInTimeIsItsOwnResult() {
        List<JourneyResult> abandoned = new java.util.ArrayList<>();

        Optional<JourneyResult> r = watchdog.play(journey(), Redactor.none(), progress -> passed(), abandoned::add);

        assertThat(r).isPresent();
        assertThat(abandoned).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aStuckRunIsReportedAsATimeoutByItsDeadlinePlusTheGraceAndItsLateResultIsDropped() throws Exception {
        CompletableFuture<JourneyResult> told = new CompletableFuture<>();
        CompletableFuture<Optional<JourneyResult>> returned = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptLeft = new CompletableFuture<>();
        long start = System.nanoTime();
        Thread player = Thread.ofPlatform().start(() -> {
            returned.complete(watchdog.play(journey(), Redactor.none(), progress -> stuck(), told::complete));
            interruptLeft.complete(Thread.currentThread().isInterrupted());
        });

        JourneyResult abandoned = told.get(5, TimeUnit.SECONDS);
        Duration after = Duration.ofNanos(System.nanoTime() - start);

        assertThat(after).isBetween(TIMEOUT.plus(Watchdog.GRACE), TIMEOUT.plus(Duration.ofSeconds(1)));
        assertThat(abandoned.passed()).isFalse();
        assertThat(abandoned.steps()).extracting(s -> s.outcome()).containsExactly(Outcome.FAILED, Outcome.SKIPPED);
        assertThat(abandoned.failure().orElseThrow().reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(abandoned.failure().orElseThrow().detail())
                .isEqualTo("journey timeout 300ms passed and this step did not end; the run was abandoned");

        release.countDown();
        assertThat(returned.get(5, TimeUnit.SECONDS)).as("the late result is dropped").isEmpty();
        assertThat(interruptLeft.get(5, TimeUnit.SECONDS)).as("the thread's next task starts uninterrupted").isFalse();
        player.join();
    }

    @Test
    void awaitAnswersWhileTheRunIsStillStuck() {
        long start = System.nanoTime();

        JourneyResult r = watchdog.await(journey(), Redactor.none(), progress -> stuck());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(Duration.ofSeconds(1)));
        assertThat(r.failure().orElseThrow().reason()).isEqualTo(FailureReason.TIMEOUT);
    }
}
