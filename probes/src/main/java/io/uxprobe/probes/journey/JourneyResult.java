package io.uxprobe.probes.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a journey: every step, in order, including the ones skipped after a failure.
 *
 * @param trace the run's trace id and own span, which its steps' spans descend from; empty when the journey
 *     sends no trace context ({@code traceContext: false})
 */
public record JourneyResult(String journey, Instant startedAt, Duration duration, List<StepResult> steps, Optional<TraceContext> trace) {

    public JourneyResult {
        steps = List.copyOf(steps);
    }

    /** A run that sent no trace context. */
    public JourneyResult(String journey, Instant startedAt, Duration duration, List<StepResult> steps) {
        this(journey, startedAt, duration, steps, Optional.empty());
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
