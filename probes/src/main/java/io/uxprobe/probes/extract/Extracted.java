package io.uxprobe.probes.extract;

/** What an {@link Extractor} took from a response: a value, or why there was none. */
public sealed interface Extracted {

    record Found(String value) implements Extracted {}

    /** {@code detail} says where uxprobe looked and what it saw, e.g. {@code $.token: is null}. */
    record Missing(String detail) implements Extracted {}
}
