package io.uxprobe.probes.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as journey files write them: {@code 250ms}, {@code 5s}, {@code 1m}, {@code 1h}, {@code 1m30s}, {@code 1.5s}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    /** Parses a duration; empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) return Optional.empty();
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) return Optional.empty();
            double n = Double.parseDouble(m.group(1));
            long nanos = (long) (n * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> throw new IllegalStateException();
            });
            total = total.plusNanos(nanos);
            at = m.end();
        }
        return Optional.of(total);
    }

    /** The shortest exact form: {@code 250ms}, {@code 5s}, {@code 1m30s}. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms < 1000) return ms + "ms";
        long s = ms / 1000;
        StringBuilder b = new StringBuilder();
        if (s >= 3600) { b.append(s / 3600).append('h'); s %= 3600; }
        if (s >= 60) { b.append(s / 60).append('m'); s %= 60; }
        if (s > 0) b.append(s).append('s');
        return b.toString();
    }
}
