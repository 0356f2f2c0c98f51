package io.uxprobe.probes.spec;

/**
 * A journey file that cannot run. The message always starts with {@code file:line:column: }
 * and says what was expected, so a person can fix it without reading our code.
 */
public final class SpecException extends Exception {

    private final Position position;
    private final String problem;

    public SpecException(Position position, String problem) {
        super(position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public Position position() {
        return position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
