package io.uxprobe.probes.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.uxprobe.probes.template.Redactor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How values read in a failure detail: short, on one line, cut with an ellipsis. The secrets of the check under
 * way ({@link #SECRETS}) are masked before a value is folded or cut, so no detail shows part of one.
 */
final class Details {

    static final int MAX = 80;

    /** The secrets to mask in the values a check shows; none when unbound. */
    static final ScopedValue<Redactor> SECRETS = ScopedValue.newInstance();

    private Details() {}

    private static Redactor secrets() {
        return SECRETS.orElse(Redactor.none());
    }

    /** At most {@link #MAX} characters, on one line. */
    static String cut(String text) {
        String line = secrets().redact(text).replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, boundary(line, MAX - 1)) + "…";
    }

    static String quote(String text) {
        return "\"" + cut(text) + "\"";
    }

    /** A JSON value as compact JSON (strings quoted), cut. */
    static String json(JsonNode value) {
        return cut(value.toString());
    }

    /** A JSON value as text: strings unquoted, anything else as compact JSON. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** {@code 200}, {@code 200 or 206}, {@code 200, 204 or 2xx}. */
    static String alternatives(List<?> items) {
        List<String> s = items.stream().map(String::valueOf).toList();
        if (s.size() <= 1) return String.join("", s);
        return String.join(", ", s.subList(0, s.size() - 1)) + " or " + s.getLast();
    }

    static String values(List<String> values) {
        return cut(values.stream().collect(Collectors.joining(", ")));
    }

    /**
     * A duration as measured: {@code 812ms}, {@code 1.21s}. Rounded up to the millisecond, so a step
     * that went over a limit never reads as equal to it.
     */
    static String took(Duration d) {
        long ms = ceilMillis(d);
        if (ms < 1000) return ms + "ms";
        return BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }

    /** A limit the way a journey file writes it: {@code 800ms}, {@code 5s}, {@code 1m}. */
    static String limit(Duration d) {
        long ms = ceilMillis(d);
        if (ms >= 60_000 && ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms >= 1000 && ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    private static long ceilMillis(Duration d) {
        return new BigDecimal(d.toNanos()).movePointLeft(6).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * The text around {@code [start, end)} in {@code body}, at most {@link #MAX} characters, on one line; found again in
     * the body with its secrets masked, and only a mask when it lies inside one.
     */
    static String excerpt(String body, int start, int end) {
        Redactor secrets = secrets();
        if (secrets == Redactor.none()) return excerptOf(body, start, end);
        String masked = secrets.redact(body);
        String found = secrets.redact(body.substring(start, end));
        int at = masked.indexOf(found);
        return at < 0 ? Redactor.MASK : excerptOf(masked, at, at + found.length());
    }

    private static String excerptOf(String body, int start, int end) {
        int width = MAX - 2; // room for an ellipsis on each side
        int from = Math.max(0, start - Math.max(0, width - (end - start)) / 2);
        int to = Math.min(body.length(), from + width);
        from = Math.max(0, to - width);
        if (boundary(body, from) != from) from++; // never start or end inside a surrogate pair
        to = boundary(body, to);
        return (from > 0 ? "…" : "") + body.substring(from, to).replaceAll("\\s+", " ") + (to < body.length() ? "…" : "");
    }

    /** {@code index}, moved back one if it would split a surrogate pair. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1)) ? index - 1 : index;
    }
}
