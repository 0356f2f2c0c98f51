package io.uxprobe.probes.check;

import io.uxprobe.probes.template.Template;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** One line of a step's {@code expect:}. Each kind is checked by {@link Checks}. */
public sealed interface Expectation {

    /** {@code status: 200}, {@code status: [200, 206]}, {@code status: 2xx}. A miss fails with {@code http_status}. */
    record Status(List<StatusRange> allowed) implements Expectation {
        public Status {
            allowed = List.copyOf(allowed);
        }
    }

    /** {@code maxDuration: 800ms}: the whole step, from request to last byte. */
    record MaxDuration(Duration max) implements Expectation {}

    record BodyContains(Template text) implements Expectation {}

    record BodyNotContains(Template text) implements Expectation {}

    /** {@code bodyMatches}: the regex is found anywhere in the body. */
    record BodyMatches(Pattern regex) implements Expectation {}

    /** {@code jsonPath: { "$.token": { exists: true } }}: every matcher must hold for the value at {@code path}. */
    record JsonPath(String path, com.jayway.jsonpath.JsonPath compiled, List<JsonMatcher> matchers) implements Expectation {
        public JsonPath {
            matchers = List.copyOf(matchers);
        }
    }

    /** {@code headers: { Content-Type: "audio/*" }}: the header is present and matches the glob (case-insensitive). */
    record Header(String name, String glob) implements Expectation {}
}
