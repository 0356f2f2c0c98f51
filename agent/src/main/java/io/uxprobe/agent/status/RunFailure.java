package io.uxprobe.agent.status;

import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.StepResult;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a run failed, as people read it. {@code message} is what the user was shown: the error text found on the
 * page when there was one, otherwise the failure's detail. Everything here is already redacted by the runner, and
 * made {@link Printable} here: the page, {@code /api/status} and webhooks all read it from this record.
 */
public record RunFailure(String step, FailureReason reason, String message, String detail, Optional<String> signature,
        OptionalInt status, String url) {

    static RunFailure of(StepResult step) {
        Failure f = step.failure().orElse(Failure.of(FailureReason.ASSERTION, "the step failed"));
        return new RunFailure(step.name(), f.reason(), Printable.line(f.snippet().orElse(f.detail())), Printable.line(f.detail()), f.signature(),
                step.status(), Printable.line(step.url()));
    }
}
