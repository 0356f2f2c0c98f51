package io.uxprobe.probes.browser;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a journey runner asks of a browser: play one browser step. The agent supplies the real one (the
 * {@code uxprobe-browser} module, a headless Chromium) only when a loaded journey has a browser step.
 * Implementations are thread-safe and never throw for anything a page does.
 */
public interface Browser {

    /**
     * Opens the step's page in a fresh browser context with {@code cookies}, does its actions, reads its values.
     *
     * @param vars the run's variables, for the step's templates
     * @param deadline {@link System#nanoTime()} by which the visit must be over, whatever the page does
     * @param detector finds error messages in the rendered page, as in the HTTP steps
     * @param masks secrets to mask in everything the visit reports
     */
    Visit visit(BrowserStep step, Variables vars, List<Cookie> cookies, long deadline, ErrorDetector detector, Redactor masks);

    /**
     * One visit, as the runner needs it.
     *
     * @param failure why the step failed, already redacted
     * @param extracted the values the step's {@code extract:} read, in order (empty when the step failed)
     * @param cookies every cookie of the browser context at the end, for the steps that follow
     */
    record Visit(Optional<Failure> failure, Duration duration, List<Value> extracted, List<Cookie> cookies, PageReport page) {

        public Visit {
            extracted = List.copyOf(extracted);
            cookies = List.copyOf(cookies);
        }

        /** A value read from the page for variable {@code name}. */
        public record Value(String name, String value, boolean secret) {}

        /** A visit that failed before any page opened. */
        public static Visit failedBeforeOpening(Failure failure, String url) {
            return new Visit(Optional.of(failure), Duration.ZERO, List.of(), List.of(),
                    new PageReport(url, Vitals.NONE, 0, List.of(), 0, List.of(), Optional.empty()));
        }
    }

    /** The browser of a program that has none: every browser step fails with {@code browser}, saying why. */
    Browser NONE = (step, vars, cookies, deadline, detector, masks) -> Visit.failedBeforeOpening(
            Failure.of(FailureReason.BROWSER, "this uxprobe runs no browser: browser steps need the agent (uxprobe run or serve)"),
            masks.redact(step.open().toString()));
}
