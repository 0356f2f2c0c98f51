package io.uxprobe.probes.journey;

import io.uxprobe.probes.spec.Position;
import java.time.Duration;

/** One thing a user does in a journey: send a request ({@link HttpStep}) or use a page in a browser ({@link BrowserStep}). */
public sealed interface Step permits HttpStep, BrowserStep {

    String name();

    Position position();

    /** False when the step says {@code errorSignatures: off}. */
    boolean errorSignatures();

    /** This step's deadline (its own {@code timeout:} or the journey's {@code stepTimeout}). */
    Duration timeout();
}
