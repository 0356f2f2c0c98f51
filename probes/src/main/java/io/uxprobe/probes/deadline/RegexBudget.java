package io.uxprobe.probes.deadline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a regex from a journey file reads a body: within the run's deadline, and within a budget of reads per
 * character of the body. A sane regex reads each character a few times; one that backtracks without end (a
 * leading {@code .*} over a large page without its text, {@code (a+)+$}) gives up in well under a second
 * instead of holding the step until its deadline.
 */
public final class RegexBudget {

    /** Reads allowed per character of the text, on average. */
    public static final long READS_PER_CHAR = 128;

    /** Reads allowed whatever the text's length: a short body may still be searched thoroughly. */
    static final long MIN_READS = 1_000_000;

    private RegexBudget() {}

    /** A matcher of {@code regex} over {@code text}; its searches throw {@link Exhausted} or {@link Deadline.Exceeded}. */
    public static Matcher matcher(Pattern regex, CharSequence text, Deadline deadline) {
        return regex.matcher(deadline.guard(text, Math.max(MIN_READS, READS_PER_CHAR * text.length())));
    }

    /** The regex read its whole budget without an answer. */
    public static final class Exhausted extends RuntimeException {
        public Exhausted() {
            super("regex budget exhausted", null, false, false);
        }
    }

    /** The detail for a regex that gave up: what happened and how to write it so it does not. */
    public static String gaveUp(String where, int chars) {
        return where + " not checked: the regex needed more than " + READS_PER_CHAR + " steps per character of the "
                + chars + "-character body (it backtracks too much; anchor it, or drop a leading or trailing .*)";
    }
}
