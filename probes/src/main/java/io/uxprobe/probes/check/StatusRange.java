package io.uxprobe.probes.check;

/** Allowed status codes: one ({@code 200}) or a class ({@code 2xx}, written as {@code from..to}). */
public record StatusRange(int from, int to) {

    public static StatusRange exactly(int code) {
        return new StatusRange(code, code);
    }

    /** {@code 2xx}: 200 to 299. */
    public static StatusRange ofClass(int leadingDigit) {
        return new StatusRange(leadingDigit * 100, leadingDigit * 100 + 99);
    }

    public boolean contains(int code) {
        return code >= from && code <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : (from / 100) + "xx";
    }
}
