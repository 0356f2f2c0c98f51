package io.uxprobe.agent.metrics;

import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.journey.Body;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.Request;
import io.uxprobe.probes.journey.Settings;
import io.uxprobe.probes.journey.Step;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.DataSize;
import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Journeys and results built by hand, as the runner would return them. */
final class Fixtures {

    static final Path FILE = Path.of("journeys.yaml");
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Instant CERT_EXPIRY = Instant.parse("2026-01-31T00:00:00Z");

    private Fixtures() {}

    static Step step(String name) {
        return step(name, true);
    }

    static Step step(String name, boolean errorSignatures) {
        Request request = new Request("GET", Template.literal("https://music.example/" + name), List.of(), Map.of(), Body.NONE, true);
        return new Step(name, new Position(FILE, 1, 1), request, List.of(), List.of(), Optional.empty(), errorSignatures,
                Duration.ofSeconds(5), DataSize.ofMiB(10));
    }

    static Journey journey(String name, Step... steps) {
        return new Journey(name, new Position(FILE, 1, 1), Settings.BUILT_IN, List.of(steps));
    }

    /** playback: track (HTTPS, fresh connection), profile (pooled connection), audio (a stream, no error signatures). */
    static Journey playback() {
        return journey("playback", step("track"), step("profile"), step("audio", false));
    }

    static PhaseTimings phases(long dns, long connect, long tls, long request, long ttfb, long transfer) {
        Map<Phase, Duration> m = new EnumMap<>(Phase.class);
        long[] ms = {dns, connect, tls, request, ttfb, transfer};
        for (Phase p : Phase.values()) m.put(p, Duration.ofMillis(ms[p.ordinal()]));
        return new PhaseTimings(m);
    }

    static StepResult passed(String name, int status, PhaseTimings phases) {
        return new StepResult(name, Outcome.PASSED, Optional.empty(), "GET", "https://music.example/" + name, OptionalInt.of(status),
                T0, phases.total(), phases, 1000, OptionalDouble.empty(), Optional.empty(), Detection.NONE);
    }

    static StepResult withCertificate(StepResult s, Instant expiry) {
        return new StepResult(s.name(), s.outcome(), s.failure(), s.method(), s.url(), s.status(), s.startedAt(), s.duration(),
                s.phases(), s.bytes(), s.bytesPerSecond(), Optional.of(expiry), s.detection());
    }

    static StepResult withRate(StepResult s, double bytesPerSecond) {
        return new StepResult(s.name(), s.outcome(), s.failure(), s.method(), s.url(), s.status(), s.startedAt(), s.duration(),
                s.phases(), s.bytes(), OptionalDouble.of(bytesPerSecond), s.certificateExpiry(), s.detection());
    }

    static StepResult failed(String name, Failure failure, OptionalInt status, String url, PhaseTimings phases) {
        return new StepResult(name, Outcome.FAILED, Optional.of(failure), "GET", url, status, T0, phases.total(), phases, 0,
                OptionalDouble.empty(), Optional.empty(), Detection.NONE);
    }

    static StepResult skipped(String name) {
        return StepResult.skipped(name, "GET", "https://music.example/" + name);
    }

    static JourneyResult result(String journey, StepResult... steps) {
        Duration total = Arrays.stream(steps).map(StepResult::duration).reduce(Duration.ZERO, Duration::plus);
        return new JourneyResult(journey, T0, total, List.of(steps));
    }

    /** Every step passes: track over a new TLS connection (200 ms), profile pooled (50 ms), audio streamed. */
    static JourneyResult playbackPassed() {
        return result("playback",
                withCertificate(passed("track", 200, phases(10, 20, 30, 1, 100, 39)), CERT_EXPIRY),
                passed("profile", 200, phases(0, 0, 0, 1, 40, 9)),
                withRate(passed("audio", 206, phases(0, 0, 0, 1, 80, 1919)), 65536));
    }

    /** track shows "Something went wrong. Try again." on a 200; the rest is skipped. */
    static JourneyResult playbackErrorMessage() {
        return result("playback",
                failed("track", Failure.errorMessage("try_again", "Something went wrong. Try again."), OptionalInt.of(200),
                        "https://music.example/track", phases(10, 20, 30, 1, 100, 39)),
                skipped("profile"),
                skipped("audio"));
    }

    /** profile answers 503; audio is skipped. */
    static JourneyResult playbackServerError() {
        return result("playback",
                passed("track", 200, phases(0, 0, 0, 1, 100, 9)),
                failed("profile", Failure.of(io.uxprobe.probes.journey.FailureReason.HTTP_STATUS, "expected status 200, got 503"),
                        OptionalInt.of(503), "https://music.example/profile", phases(0, 0, 0, 1, 3000, 9)),
                skipped("audio"));
    }
}
