package io.uxprobe.probes.journey;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How long each phase of a step took. A phase that did not happen (a reused connection has no dns) is zero. */
public record PhaseTimings(Map<Phase, Duration> byPhase) {

    public PhaseTimings {
        EnumMap<Phase, Duration> copy = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) copy.put(p, byPhase.getOrDefault(p, Duration.ZERO));
        byPhase = Collections.unmodifiableMap(copy);
    }

    public static PhaseTimings none() {
        return new PhaseTimings(Map.of());
    }

    public Duration get(Phase phase) {
        return byPhase.get(phase);
    }

    public Duration total() {
        Duration sum = Duration.ZERO;
        for (Duration d : byPhase.values()) sum = sum.plus(d);
        return sum;
    }
}
