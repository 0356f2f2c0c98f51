package io.uxprobe.probes.journey;

import io.uxprobe.probes.errors.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one step saw. {@code url} is redacted. {@code bytes} counts body bytes read;
 * {@code bytesPerSecond} is set for stream steps; {@code certificateExpiry} for HTTPS; {@code detection} what error
 * detection read in the answer (the message shown, and with {@code --explain} the mentions it ignored; not yet
 * redacted, see {@link #failure} for the redacted message); {@code spanId} is the step's span in its run's trace
 * (see {@link TraceContext}), for a step that ran in a run that sends trace context.
 */
public record StepResult(
        String name,
        Outcome outcome,
        Optional<Failure> failure,
        String method,
        String url,
        OptionalInt status,
        Instant startedAt,
        Duration duration,
        PhaseTimings phases,
        long bytes,
        OptionalDouble bytesPerSecond,
        Optional<Instant> certificateExpiry,
        Detection detection,
        Optional<String> spanId) {

    /** A step with no span of its own. */
    public StepResult(String name, Outcome outcome, Optional<Failure> failure, String method, String url, OptionalInt status,
            Instant startedAt, Duration duration, PhaseTimings phases, long bytes, OptionalDouble bytesPerSecond,
            Optional<Instant> certificateExpiry, Detection detection) {
        this(name, outcome, failure, method, url, status, startedAt, duration, phases, bytes, bytesPerSecond, certificateExpiry,
                detection, Optional.empty());
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public static StepResult skipped(String name, String method, String url) {
        return new StepResult(name, Outcome.SKIPPED, Optional.empty(), method, url, OptionalInt.empty(),
                Instant.EPOCH, Duration.ZERO, PhaseTimings.none(), 0, OptionalDouble.empty(), Optional.empty(), Detection.NONE);
    }
}
