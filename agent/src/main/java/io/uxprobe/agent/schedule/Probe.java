package io.uxprobe.agent.schedule;

import java.time.Duration;

/** What the scheduler runs again and again: one journey in one region. It records its own results. */
public interface Probe {

    /** Unique among the scheduled probes, stable across reloads ({@code journey@region}). */
    String key();

    Duration interval();

    /** Runs once. Must end by itself (the journey's deadline sees to that); a throw is logged and the loop goes on. */
    void run();
}
