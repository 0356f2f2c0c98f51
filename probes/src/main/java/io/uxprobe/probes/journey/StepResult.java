package io.uxprobe.probes.journey;

import io.uxprobe.probes.browser.PageReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one step saw. {@code url} is redacted. {@code bytes} counts body bytes read;
 * {@code bytesPerSecond} is set for stream steps; {@code certificateExpiry} for HTTPS; {@code page} for browser steps
 * (whose {@code method} is {@link BrowserStep#METHOD} and {@code url} the page opened).
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
        Optional<PageReport> page) {

    /** The result of an HTTP step. */
    public StepResult(String name, Outcome outcome, Optional<Failure> failure, String method, String url, OptionalInt status,
            Instant startedAt, Duration duration, PhaseTimings phases, long bytes, OptionalDouble bytesPerSecond,
            Optional<Instant> certificateExpiry) {
        this(name, outcome, failure, method, url, status, startedAt, duration, phases, bytes, bytesPerSecond, certificateExpiry,
                Optional.empty());
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public static StepResult skipped(String name, String method, String url) {
        return new StepResult(name, Outcome.SKIPPED, Optional.empty(), method, url, OptionalInt.empty(),
                Instant.EPOCH, Duration.ZERO, PhaseTimings.none(), 0, OptionalDouble.empty(), Optional.empty(), Optional.empty());
    }
}
