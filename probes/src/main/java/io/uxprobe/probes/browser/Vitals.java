package io.uxprobe.probes.browser;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Web Vitals of one browser step, as the page's own PerformanceObserver saw them. A vital the page did not
 * produce (no paint yet, no interaction) is absent, never zero.
 *
 * @param cls cumulative layout shift: the largest burst of unexpected layout shifts, a unitless score
 */
public record Vitals(Map<Vital, Duration> times, OptionalDouble cls) {

    public static final Vitals NONE = new Vitals(Map.of(), OptionalDouble.empty());

    public Vitals {
        times = times.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(times));
    }

    public Optional<Duration> get(Vital vital) {
        return Optional.ofNullable(times.get(vital));
    }
}
