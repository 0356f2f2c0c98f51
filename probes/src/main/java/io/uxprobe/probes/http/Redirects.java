package io.uxprobe.probes.http;

import java.util.Set;
import java.util.TreeSet;

/**
 * How a step's request follows redirects.
 *
 * @param follow whether a 3xx answer with a {@code Location} is followed at all
 * @param allowInsecure whether a redirect from {@code https://} to {@code http://} is followed; refused otherwise
 * @param secretHeaders the request's headers whose values carry a secret (names, any case): never sent to another origin
 */
public record Redirects(boolean follow, boolean allowInsecure, Set<String> secretHeaders) {

    public Redirects {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(secretHeaders);
        secretHeaders = java.util.Collections.unmodifiableSet(names);
    }
}
