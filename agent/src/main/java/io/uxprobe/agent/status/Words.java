package io.uxprobe.agent.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as people read them: always UTC, said so. */
final class Words {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Words() {}

    /** {@code 12:03}: the wording of messages, which add " UTC" themselves. */
    static String hourMinute(Instant t) {
        return HM.format(t);
    }

    /** {@code 12:03:05 UTC}, with the date in front when it is not the day of {@code now}. */
    static String time(Instant t, Instant now) {
        String day = DAY.format(t);
        return (day.equals(DAY.format(now)) ? "" : day + " ") + HMS.format(t) + " UTC";
    }

    /** {@code 812 ms}, {@code 3.4 s}, {@code 2 min 5 s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** One line, at most {@code max} characters: messages from servers can be long or multi-line. */
    static String oneLine(String s, int max) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
