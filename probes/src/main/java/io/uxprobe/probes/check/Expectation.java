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
    record Header(String name, String glob) implements Expectation {

        /**
         * Whether one header value matches the glob ({@code *} any run, {@code ?} one character, case-insensitive):
         * the whole value, or the value without its parameters, so {@code text/html} passes {@code text/html; charset=utf-8}.
         */
        public boolean matches(String value) {
            Pattern p = globPattern();
            int semicolon = value.indexOf(';');
            return p.matcher(value.strip()).matches()
                    || semicolon >= 0 && p.matcher(value.substring(0, semicolon).strip()).matches();
        }

        private Pattern globPattern() {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : glob.strip().toCharArray()) {
                if (c == '*' || c == '?') {
                    if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }
}
