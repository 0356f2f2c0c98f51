package io.uxprobe.agent.report;

import io.uxprobe.probes.journey.Phase;
import io.uxprobe.probes.journey.PhaseTimings;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

/** How durations and phase timings read in reports: {@code 312ms}, {@code 4.5ms}, {@code 1.24s}. */
final class Format {

    private Format() {}

    static String duration(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms < 10) return String.format(Locale.ROOT, "%.1fms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0fms", ms);
        return String.format(Locale.ROOT, "%.2fs", ms / 1000);
    }

    /** {@code dns 1.2ms · connect 0.4ms · ttfb 300ms · transfer 2.0ms}; phases that did not happen are left out. */
    static String phases(PhaseTimings timings) {
        StringJoiner j = new StringJoiner(" · ");
        for (Phase p : Phase.values()) {
            Duration d = timings.get(p);
            if (!d.isZero()) j.add(p.label() + " " + duration(d));
        }
        return j.toString();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
