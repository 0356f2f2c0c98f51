package io.uxprobe.probes.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One run of a journey: every step, in order, including the ones skipped after a failure. */
public record JourneyResult(String journey, Instant startedAt, Duration duration, List<StepResult> steps) {

    public JourneyResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(s -> s.outcome() != Outcome.FAILED);
    }

    /** The step that failed the journey, if one did. */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(s -> s.outcome() == Outcome.FAILED).findFirst();
    }

    public Optional<Failure> failure() {
        return failedStep().flatMap(StepResult::failure);
    }
}
