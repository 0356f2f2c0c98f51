package io.uxprobe.probes.check;

import io.uxprobe.probes.template.JsonTemplate;
import java.util.regex.Pattern;

/** What a {@code jsonPath} expectation asks of the value it finds. */
public sealed interface JsonMatcher {

    /** {@code exists: true} (the path finds a value, even null) or {@code exists: false}. */
    record Exists(boolean expected) implements JsonMatcher {}

    /** {@code equals: <any JSON>}; strings may hold {@code ${var}}. Numbers compare by value (1 equals 1.0). */
    record EqualTo(JsonTemplate expected) implements JsonMatcher {}

    /** {@code matches: regex}: the value as text (strings unquoted) contains a match. */
    record Matches(Pattern regex) implements JsonMatcher {}

    /** {@code gt}, {@code gte}, {@code lt}, {@code lte}: the value is a number (or a numeric string) compared to the bound. */
    record Compare(Comparison comparison) implements JsonMatcher {}

    /** {@code length}: the size of an array, object or string. */
    record Length(Comparison comparison) implements JsonMatcher {}
}
