package io.uxprobe.probes.spec;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes, written in journey files as {@code 512B}, {@code 64KiB}, {@code 10MiB}, {@code 1GiB} (or kB, MB, GB: powers of 1000). */
public record DataSize(long bytes) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|kB|KB|MB|GB)?");

    public DataSize {
        if (bytes < 0) throw new IllegalArgumentException("size must not be negative: " + bytes);
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKiB(long kib) {
        return new DataSize(kib * 1024);
    }

    public static DataSize ofMiB(long mib) {
        return new DataSize(mib * 1024 * 1024);
    }

    /** Parses {@code 64KiB}; empty when the text is not a size. */
    public static Optional<DataSize> parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit) {
            case "B" -> 1L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "kB", "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            default -> throw new IllegalStateException(unit);
        };
        try {
            return Optional.of(new DataSize(Math.multiplyExact(n, factor)));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return bytes / (1L << 30) + "GiB";
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return bytes / (1L << 20) + "MiB";
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return bytes / (1L << 10) + "KiB";
        if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.1fMiB", bytes / 1048576.0);
        if (bytes >= 1L << 10) return String.format(Locale.ROOT, "%.1fKiB", bytes / 1024.0);
        return bytes + "B";
    }
}
