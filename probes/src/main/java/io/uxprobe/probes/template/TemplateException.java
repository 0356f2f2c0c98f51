package io.uxprobe.probes.template;

/** A template that cannot be read; {@code offset} is the index in the raw text where the problem starts. */
public final class TemplateException extends Exception {

    private final int offset;

    public TemplateException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
