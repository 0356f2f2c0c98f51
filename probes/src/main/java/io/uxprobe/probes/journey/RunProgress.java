package io.uxprobe.probes.journey;

import io.uxprobe.probes.errors.Detection;
import io.uxprobe.probes.spec.Durations;
import io.uxprobe.probes.template.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How far a run has come, shared with a watchdog on another thread: when the run and its current step began, and
 * the steps that ended. Should the run overrun its deadline without returning (work no deadline can stop),
 * {@link #abandoned} is the result the watchdog reports in its place, so a stuck run reads as a {@code timeout},
 * never as the last good result.
 */
public final class RunProgress {

    private Instant startedAt = Instant.now();
    private long startNanos = System.nanoTime();
    private Instant stepStartedAt = startedAt;
    private long stepStartNanos = startNanos;
    private Optional<TraceContext> trace = Optional.empty();
    private final List<StepResult> ended = new ArrayList<>();

    synchronized void started(Instant at, long nanos, Optional<TraceContext> trace) {
        this.trace = trace;
        startedAt = at;
        startNanos = nanos;
        stepStarted(at, nanos);
        ended.clear();
    }

    synchronized void stepStarted(Instant at, long nanos) {
        stepStartedAt = at;
        stepStartNanos = nanos;
    }

    synchronized void stepEnded(StepResult step) {
        ended.add(step);
    }

    /**
     * The run as it stands, ended now: steps that ended as they were, the step under way failed with
     * {@code timeout}, the rest skipped.
     */
    public synchronized JourneyResult abandoned(Journey journey, Redactor redactor) {
        long now = System.nanoTime();
        List<StepResult> steps = new ArrayList<>(ended);
        boolean failed = steps.stream().anyMatch(s -> !s.passed());
        for (Step step : journey.steps().subList(steps.size(), journey.steps().size())) {
            String url = redactor.redact(step.request().url().toString());
            if (failed) {
                steps.add(StepResult.skipped(step.name(), step.request().method(), url));
                continue;
            }
            failed = true;
            Failure timeout = Failure.of(FailureReason.TIMEOUT, "journey timeout " + Durations.format(journey.settings().timeout())
                    + " passed and this step did not end; the run was abandoned");
            steps.add(new StepResult(step.name(), Outcome.FAILED, Optional.of(timeout), step.request().method(), url,
                    OptionalInt.empty(), stepStartedAt, Duration.ofNanos(now - stepStartNanos), PhaseTimings.none(), 0,
                    OptionalDouble.empty(), Optional.empty(), Detection.NONE));
        }
        return new JourneyResult(journey.name(), startedAt, Duration.ofNanos(now - startNanos), steps, trace);
    }
}
