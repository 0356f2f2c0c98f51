package io.uxprobe.probes.spec;

import java.nio.file.Path;

/** Where something is in a journey file; printed the way editors and compilers do: {@code file:line:column}. */
public record Position(Path file, int line, int column) {

    public static Position unknown(Path file) {
        return new Position(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file.toString();
    }
}
