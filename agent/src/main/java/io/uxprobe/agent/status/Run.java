package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import io.uxprobe.probes.journey.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of a journey in a region, as the board keeps it: when, how long, each phase summed over the steps,
 * and for a failure what the user saw. {@code attempt} is 1 for a scheduled run, 2 for its first retry, and so on.
 */
public record Run(String journey, String region, Instant startedAt, Duration duration, int attempt, PhaseTimings phases,
        Optional<RunFailure> failure) {

    public boolean passed() {
        return failure.isEmpty();
    }

    public boolean retry() {
        return attempt > 1;
    }

    static Run of(String region, JourneyResult result, int attempt) {
        Map<Phase, Duration> sum = new EnumMap<>(Phase.class);
        for (StepResult step : result.steps()) {
            step.phases().byPhase().forEach((phase, d) -> sum.merge(phase, d, Duration::plus));
        }
        return new Run(result.journey(), region, result.startedAt(), result.duration(), attempt, new PhaseTimings(sum),
                result.failedStep().map(step -> RunFailure.of(step, result.trace())));
    }
}
