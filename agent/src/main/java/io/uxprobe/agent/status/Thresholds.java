package io.uxprobe.agent.status;

/**
 * Flapping control for one journey in one region: it goes {@link State#DOWN} after {@code failureThreshold}
 * failed runs in a row and back {@link State#UP} after {@code successThreshold} good ones. {@code retries} is how
 * many times the agent re-runs a failed journey at once; the board counts a run only when its last attempt is in.
 */
public record Thresholds(int failureThreshold, int successThreshold, int retries) {

    /** failureThreshold 2, successThreshold 1, retries 0. */
    public static final Thresholds DEFAULT = new Thresholds(2, 1, 0);

    public Thresholds {
        if (failureThreshold < 1) throw new IllegalArgumentException("failureThreshold must be 1 or more, got " + failureThreshold);
        if (successThreshold < 1) throw new IllegalArgumentException("successThreshold must be 1 or more, got " + successThreshold);
        if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }
}
