package io.uxprobe.agent.status;

import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.journey.TraceContext;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a run failed, as people read it. {@code message} is what the user was shown: the error text found on the
 * page when there was one, otherwise the failure's detail. Everything here is already redacted by the runner, and
 * made {@link Printable} here: the page, {@code /api/status} and webhooks all read it from this record.
 * {@code traceId} is the run's trace, to look up what the backend did (the journey's requests carried it).
 */
public record RunFailure(String step, FailureReason reason, String message, String detail, Optional<String> signature,
        OptionalInt status, String url, Optional<String> traceId) {

    static RunFailure of(StepResult step, Optional<TraceContext> trace) {
        Failure f = step.failure().orElse(Failure.of(FailureReason.ASSERTION, "the step failed"));
        return new RunFailure(step.name(), f.reason(), Printable.line(f.snippet().orElse(f.detail())), Printable.line(f.detail()), f.signature(),
                step.status(), Printable.line(step.url()), trace.map(TraceContext::traceId));
    }
}
