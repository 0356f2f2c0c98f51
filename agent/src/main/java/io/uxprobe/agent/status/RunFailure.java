package io.uxprobe.agent.status;

import io.uxprobe.agent.browser.SavedEvidence;
import io.uxprobe.agent.text.Printable;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.journey.TraceContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a run failed, as people read it. {@code message} is what the user was shown: the error text found on the
 * page when there was one, otherwise the failure's detail. Everything here is already redacted by the runner, and
 * made {@link Printable} here: the page, {@code /api/status} and webhooks all read it from this record.
 * {@code traceId} is the run's trace, to look up what the backend did (the journey's requests carried it).
 * {@code screenshot} and {@code text} name the evidence files of a failed browser step, under {@code artifacts/}.
 */
public record RunFailure(String step, FailureReason reason, String message, String detail, Optional<String> signature,
        OptionalInt status, String url, Optional<String> traceId, Optional<String> screenshot, Optional<String> text) {

    public RunFailure(String step, FailureReason reason, String message, String detail, Optional<String> signature, OptionalInt status, String url) {
        this(step, reason, message, detail, signature, status, url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Caps on what a run keeps, so the board's history is bounded in bytes: a server's long URL or error stays readable, not whole. */
    static final int MAX_MESSAGE = 300;
    static final int MAX_DETAIL = 1_000;
    static final int MAX_URL = 1_000;

    static RunFailure of(StepResult step, Optional<TraceContext> trace, List<SavedEvidence> evidence) {
        Failure f = step.failure().orElse(Failure.of(FailureReason.ASSERTION, "the step failed"));
        Optional<SavedEvidence> saved = evidence.stream().filter(e -> e.step().equals(step.name())).findFirst();
        return new RunFailure(step.name(), f.reason(), Printable.line(f.snippet().orElse(f.detail()), MAX_MESSAGE),
                Printable.line(f.detail(), MAX_DETAIL), f.signature(), step.status(), Printable.line(step.url(), MAX_URL), trace.map(TraceContext::traceId),
                saved.flatMap(SavedEvidence::screenshot).map(p -> p.getFileName().toString()),
                saved.map(e -> e.text().getFileName().toString()));
    }
}
