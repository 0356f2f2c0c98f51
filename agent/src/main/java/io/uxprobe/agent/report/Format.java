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

    /** {@code ttfb 12ms · fcp 80ms · lcp 120ms · inp 24ms · cls 0.01}: the vitals a page reported. */
    static String vitals(io.uxprobe.probes.browser.Vitals v) {
        StringJoiner j = new StringJoiner(" · ");
        for (io.uxprobe.probes.browser.Vital vital : io.uxprobe.probes.browser.Vital.values()) {
            v.get(vital).ifPresent(d -> j.add(vital.label() + " " + duration(d)));
        }
        v.cls().ifPresent(cls -> j.add(String.format(Locale.ROOT, "cls %.2f", cls)));
        return j.toString();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
