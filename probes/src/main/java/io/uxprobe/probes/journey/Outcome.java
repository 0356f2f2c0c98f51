package io.uxprobe.probes.journey;

/** What became of a step. */
public enum Outcome {
    PASSED,
    FAILED,
    /** Not run because an earlier step of the journey failed. */
    SKIPPED
}
