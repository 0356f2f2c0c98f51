package io.uxprobe.demo;

import java.util.Locale;
import java.util.Optional;

/** What a {@code Range} header asks of a body of known length (RFC 9110 §14): all of it, one part, or nothing it can have. */
sealed interface ByteRange {

    /** No range, a unit other than bytes, or several ranges: the whole body with 200, which RFC 9110 allows. */
    record All() implements ByteRange {}

    /** Bytes {@code first} to {@code last}, both included: 206 with Content-Range. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Malformed or past the end: 416 with {@code Content-Range: bytes *}/length. */
    record Unsatisfiable() implements ByteRange {}

    static ByteRange of(Optional<String> header, long length) {
        if (header.isEmpty()) return new All();
        String value = header.get().strip();
        int eq = value.indexOf('=');
        if (eq < 0) return new Unsatisfiable();
        if (!value.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) return new All();
        String spec = value.substring(eq + 1).strip();
        if (spec.contains(",")) return new All();
        int dash = spec.indexOf('-');
        if (dash < 0) return new Unsatisfiable();
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || length == 0) return new Unsatisfiable();
                return new Part(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? length - 1 : Long.parseLong(to);
            if (first < 0 || last < first || first >= length) return new Unsatisfiable();
            return new Part(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return new Unsatisfiable();
        }
    }
}
