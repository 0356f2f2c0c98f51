package io.uxprobe.probes.extract;

import java.util.regex.Pattern;

/** Where a step's {@code extract:} takes a value from. Applied by {@link Extractors}. */
public sealed interface Extractor {

    /** The first value the path finds; strings unquoted, other JSON as compact JSON. */
    record JsonPath(String path, com.jayway.jsonpath.JsonPath compiled) implements Extractor {}

    /** The given group (default 1, or 0 when the regex has no groups) of the first match in the body. */
    record Regex(Pattern regex, int group) implements Extractor {}

    /** The first value of a response header. */
    record Header(String name) implements Extractor {}

    /** The value of a cookie the response sets (or, failing that, one the run's cookie jar holds for this URL). */
    record Cookie(String name) implements Extractor {}
}
