package io.uxprobe.agent.status;

import io.uxprobe.agent.browser.SavedEvidence;
import io.uxprobe.probes.browser.Vitals;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of a journey in a region, as the board keeps it: when, how long, each phase summed over the steps,
 * and for a failure what the user saw. {@code attempt} is 1 for a scheduled run, 2 for its first retry, and so on.
 * {@code vitals} are the Web Vitals of its browser steps, by step.
 */
public record Run(String journey, String region, Instant startedAt, Duration duration, int attempt, PhaseTimings phases,
        Optional<RunFailure> failure, Map<String, Vitals> vitals) {

    public Run {
        vitals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vitals));
    }

    public Run(String journey, String region, Instant startedAt, Duration duration, int attempt, PhaseTimings phases, Optional<RunFailure> failure) {
        this(journey, region, startedAt, duration, attempt, phases, failure, Map.of());
    }

    public boolean passed() {
        return failure.isEmpty();
    }

    public boolean retry() {
        return attempt > 1;
    }

    static Run of(String region, JourneyResult result, int attempt, List<SavedEvidence> evidence) {
        Map<Phase, Duration> sum = new EnumMap<>(Phase.class);
        Map<String, Vitals> vitals = new LinkedHashMap<>();
        for (StepResult step : result.steps()) {
            step.phases().byPhase().forEach((phase, d) -> sum.merge(phase, d, Duration::plus));
            step.page().filter(p -> !p.vitals().times().isEmpty() || p.vitals().cls().isPresent()).ifPresent(p -> vitals.put(step.name(), p.vitals()));
        }
        return new Run(result.journey(), region, result.startedAt(), result.duration(), attempt, new PhaseTimings(sum),
                result.failedStep().map(s -> RunFailure.of(s, result.trace(), evidence)), vitals);
    }
}
