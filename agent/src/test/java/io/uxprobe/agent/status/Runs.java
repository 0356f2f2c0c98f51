package io.uxprobe.agent.status;

import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Outcome;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Journey results built by hand, as the runner returns them: a home step, then a track step that passes or fails. */
final class Runs {

    static final Instant T0 = Instant.parse("2025-06-01T12:03:00Z");

    private Runs() {}

    static PhaseTimings phases(long dns, long connect, long tls, long request, long ttfb, long transfer) {
        Map<Phase, Duration> m = new EnumMap<>(Phase.class);
        long[] ms = {dns, connect, tls, request, ttfb, transfer};
        for (Phase p : Phase.values()) m.put(p, Duration.ofMillis(ms[p.ordinal()]));
        return new PhaseTimings(m);
    }

    static StepResult step(String name, Instant at, Optional<Failure> failure, int status) {
        PhaseTimings p = phases(5, 10, 20, 1, 100, 14);
        return new StepResult(name, failure.isPresent() ? Outcome.FAILED : Outcome.PASSED, failure, "GET", "https://music.example/" + name,
                OptionalInt.of(status), at, p.total(), p, 1000, OptionalDouble.empty(), Optional.empty(), Detection.NONE);
    }

    static JourneyResult passed(String journey, Instant at) {
        return new JourneyResult(journey, at, Duration.ofMillis(320),
                List.of(step("home", at, Optional.empty(), 200), step("track", at, Optional.empty(), 200)));
    }

    /** track shows "Something went wrong. Try again." on a 200. */
    static JourneyResult errorMessage(String journey, Instant at) {
        return failed(journey, at, Failure.errorMessage("try_again", "Something went wrong. Try again."), 200);
    }

    static JourneyResult serverError(String journey, Instant at) {
        return failed(journey, at, Failure.of(FailureReason.HTTP_STATUS, "expected status 200, got 503"), 503);
    }

    static JourneyResult failed(String journey, Instant at, Failure failure, int status) {
        return new JourneyResult(journey, at, Duration.ofMillis(180),
                List.of(step("home", at, Optional.empty(), 200), step("track", at, Optional.of(failure), status)));
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
