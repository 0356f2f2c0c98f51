package io.uxprobe.probes.spec;

import java.util.Optional;

/** Which {@code ${name}} variables a template may use where it is written. */
@FunctionalInterface
interface Scope {

    /** Empty when {@code variable} has a value here; otherwise what is wrong and how to fix it. */
    Optional<String> problem(String variable);
}
