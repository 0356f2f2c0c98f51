package io.uxprobe.probes.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.uxprobe.probes.deadline.Deadline;
import io.uxprobe.probes.deadline.RegexBudget;
import io.uxprobe.probes.http.ObservedResponse;
import io.uxprobe.probes.template.Variables;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a {@code jsonPath} expectation: finds the value once, then asks each matcher of it in order. */
final class JsonMatchers {

    /** JSON equality where numbers compare by value: 1 equals 1.0, but never "1". */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private JsonMatchers() {}

    /** What went wrong, prefixed with the path; empty when every matcher holds. */
    static Optional<String> check(Expectation.JsonPath j, ObservedResponse r, Variables vars, Deadline deadline) {
        if (r.json().isEmpty()) return Optional.of(j.path() + ": not checked: " + notJson(r));
        Optional<JsonNode> found = r.jsonPath(j.compiled());
        for (JsonMatcher m : j.matchers()) {
            Optional<String> problem;
            try {
                problem = check(m, found, vars, deadline);
            } catch (IllegalStateException unset) {
                problem = Optional.of("not checked: " + unset.getMessage()); // an equals: ${var} no earlier step set
            }
            if (problem.isPresent()) return Optional.of(j.path() + ": " + problem.get());
        }
        return Optional.empty();
    }

    static Set<String> secrets(Expectation.JsonPath j) {
        Set<String> secrets = new LinkedHashSet<>();
        for (JsonMatcher m : j.matchers()) if (m instanceof JsonMatcher.EqualTo eq) secrets.addAll(eq.expected().secrets());
        return secrets;
    }

    /** One matcher against what the path found (empty: nothing): what was expected and what came back. */
    static Optional<String> check(JsonMatcher m, Optional<JsonNode> found, Variables vars, Deadline deadline) {
        return switch (m) {
            case JsonMatcher.Exists e -> exists(e.expected(), found);
            case JsonMatcher.EqualTo e -> equalTo(e.expected().render(vars), found);
            case JsonMatcher.Matches e -> matches(e.regex(), found, deadline);
            case JsonMatcher.Compare c -> compare(c.comparison(), found);
            case JsonMatcher.Length l -> length(l.comparison(), found);
        };
    }

    private static Optional<String> exists(boolean expected, Optional<JsonNode> found) {
        if (expected == found.isPresent()) return Optional.empty();
        return expected ? nothing("expected to exist") : Optional.of("expected not to exist, found " + Details.json(found.get()));
    }

    private static Optional<String> equalTo(JsonNode expected, Optional<JsonNode> found) {
        String want = "expected " + Details.json(expected);
        if (found.isEmpty()) return nothing(want);
        return found.get().equals(BY_VALUE, expected) ? Optional.empty() : got(want, found.get());
    }

    private static Optional<String> matches(Pattern regex, Optional<JsonNode> found, Deadline deadline) {
        String want = "expected to match /" + Details.cut(regex.pattern()) + "/";
        if (found.isEmpty()) return nothing(want);
        String text = Details.text(found.get());
        try {
            return RegexBudget.matcher(regex, text, deadline).find() ? Optional.empty() : got(want, found.get());
        } catch (RegexBudget.Exhausted e) {
            return Optional.of(RegexBudget.gaveUp("matches /" + Details.cut(regex.pattern()) + "/", text.length()));
        }
    }

    private static Optional<String> compare(Comparison comparison, Optional<JsonNode> found) {
        String want = "expected " + comparison;
        if (found.isEmpty()) return nothing(want);
        Optional<BigDecimal> n = number(found.get());
        if (n.isEmpty()) return got("expected a number", found.get());
        return comparison.test(n.get()) ? Optional.empty() : got(want, found.get());
    }

    private static Optional<String> length(Comparison comparison, Optional<JsonNode> found) {
        String want = "expected length " + comparison;
        if (found.isEmpty()) return nothing(want);
        Optional<Integer> n = length(found.get());
        if (n.isEmpty()) return got("expected an array, object or string (length " + comparison + ")", found.get());
        return comparison.test(BigDecimal.valueOf(n.get())) ? Optional.empty() : Optional.of(want + ", got " + n.get());
    }

    private static Optional<String> nothing(String expected) {
        return Optional.of(expected + ", found nothing");
    }

    private static Optional<String> got(String expected, JsonNode actual) {
        return Optional.of(expected + ", got " + Details.json(actual));
    }

    /** Elements of an array, fields of an object, characters of a string; empty for anything else. */
    private static Optional<Integer> length(JsonNode v) {
        if (v.isArray() || v.isObject()) return Optional.of(v.size());
        if (v.isTextual()) return Optional.of(v.textValue().codePointCount(0, v.textValue().length()));
        return Optional.empty();
    }

    /** A JSON number, or a string that holds one ({@code "42"}). */
    private static Optional<BigDecimal> number(JsonNode v) {
        if (v.isNumber()) return Optional.of(v.decimalValue());
        if (!v.isTextual()) return Optional.empty();
        try {
            return Optional.of(new BigDecimal(v.textValue().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String notJson(ObservedResponse r) {
        if (r.body().length == 0) return "body is empty";
        String type = r.contentType();
        return "body is not JSON (" + (type.isEmpty() ? "no Content-Type" : "Content-Type " + type) + ")";
    }
}
