package io.uxprobe.probes.journey;

/**
 * When a journey's state changes, and how hard a failed run is tried again.
 *
 * @param failureThreshold consecutive failed runs before a journey is down (absorbs a single blip)
 * @param successThreshold consecutive good runs before it is up again
 * @param retries immediate re-runs of a failed run; every attempt still counts in the metrics
 */
public record StatePolicy(int failureThreshold, int successThreshold, int retries) {

    public static final StatePolicy DEFAULT = new StatePolicy(2, 1, 0);

    public StatePolicy {
        if (failureThreshold < 1) throw new IllegalArgumentException("failureThreshold must be 1 or more, got " + failureThreshold);
        if (successThreshold < 1) throw new IllegalArgumentException("successThreshold must be 1 or more, got " + successThreshold);
        if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }
}
