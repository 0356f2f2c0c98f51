package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.Position;
import io.uxprobe.probes.template.Template;
import java.time.Duration;

/** One thing a user does in a journey: send a request ({@link HttpStep}) or use a page in a browser ({@link BrowserStep}). */
public sealed interface Step permits HttpStep, BrowserStep {

    String name();

    Position position();

    /** False when the step says {@code errorSignatures: off}. */
    boolean errorSignatures();

    /** This step's deadline (its own {@code timeout:} or the journey's {@code stepTimeout}). */
    Duration timeout();

    /** How results name what the step does: the HTTP method, or {@link BrowserStep#METHOD}. */
    String method();

    /** Where the step goes, as written: the request's URL or the page opened. */
    Template target();
}
