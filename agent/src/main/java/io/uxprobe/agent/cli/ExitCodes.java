package io.uxprobe.agent.cli;

/** What {@code run}, {@code check} and {@code validate} exit with; CI pipelines branch on these. */
public final class ExitCodes {

    /** Every journey passed (or, for validate, every file is valid). */
    public static final int PASSED = 0;
    /** At least one journey failed. */
    public static final int FAILED = 1;
    /** Bad usage or an invalid journey file: nothing was run. */
    public static final int USAGE = 2;
    /** uxprobe itself broke. */
    public static final int BROKEN = 3;

    private ExitCodes() {}
}
