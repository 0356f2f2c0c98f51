package io.uxprobe.probes.deadline;

/**
 * The moment by which a piece of work in a run must end (a step's or a journey's deadline). Work that reads
 * text, such as a regex over a body, reads it through {@link #guard}, which gives up with {@link Exceeded} once
 * the moment has passed: Java cannot stop a busy thread, so long work must look at the clock itself.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** Reads between two looks at the clock: a look costs ~20 ns, 4096 reads of a string about a microsecond. */
    private static final int READS_PER_LOOK = 4096;

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    /** @param nanoTime a {@link System#nanoTime()} value */
    public static Deadline at(long nanoTime) {
        return new Deadline(nanoTime);
    }

    /** No deadline: for callers that run no clock, such as a one-off check of a saved page. */
    public static Deadline none() {
        return NONE;
    }

    public boolean passed() {
        return this != NONE && System.nanoTime() - atNanos >= 0;
    }

    /** @throws Exceeded when the deadline has passed */
    public void check() {
        if (passed()) throw new Exceeded();
    }

    /** {@code text} as seen by work that must stop at this deadline; the text itself when there is none. */
    public CharSequence guard(CharSequence text) {
        return this == NONE ? text : new Guarded(text, this, Long.MAX_VALUE);
    }

    /** {@code text} as seen by work that must stop at this deadline or after {@code reads} reads, whichever is first. */
    CharSequence guard(CharSequence text, long reads) {
        return new Guarded(text, this, reads);
    }

    /** Thrown out of work that ran past its deadline; carries no stack trace, as it is a verdict, not a bug. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded() {
            super("deadline passed", null, false, false);
        }
    }

    /** A view of the text that looks at the clock every {@link #READS_PER_LOOK} reads, and counts reads against a budget. */
    private static final class Guarded implements CharSequence {

        private final CharSequence text;
        private final Deadline deadline;
        private long readsLeft;
        private int readsToLook = READS_PER_LOOK;

        Guarded(CharSequence text, Deadline deadline, long reads) {
            this.text = text;
            this.deadline = deadline;
            this.readsLeft = reads;
        }

        @Override
        public char charAt(int index) {
            if (--readsLeft < 0) {
                throw new RegexBudget.Exhausted();
            }
            if (--readsToLook <= 0) {
                readsToLook = READS_PER_LOOK;
                deadline.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end); // a group's value: read once, by the caller
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
