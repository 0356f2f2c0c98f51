package io.uxprobe.probes.check;

import io.uxprobe.probes.deadline.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.uxprobe.probes.http.ObservedResponse;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.template.JsonTemplate;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonPathChecksTest {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static ObservedResponse json(String body) {
        return new ObservedResponse(200, "https://music.example/api", Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(5), Map.of());
    }

    static Expectation path(String path, JsonMatcher... matchers) {
        return new Expectation.JsonPath(path, com.jayway.jsonpath.JsonPath.compile(path), List.of(matchers));
    }

    static Optional<Failure> check(Expectation e, ObservedResponse r) {
        return Checks.check(e, r, Variables.empty(), Deadline.none());
    }

    static String detail(Expectation e, ObservedResponse r) {
        return detail(e, r, Variables.empty());
    }

    static String detail(Expectation e, ObservedResponse r, Variables vars) {
        Failure f = Checks.check(e, r, vars, Deadline.none()).orElseThrow(() -> new AssertionError("expected a failure"));
        assertThat(f.reason()).isEqualTo(FailureReason.ASSERTION);
        return f.detail();
    }

    static JsonMatcher.Compare compare(Comparison.Operator op, long bound) {
        return new JsonMatcher.Compare(new Comparison(op, BigDecimal.valueOf(bound)));
    }

    static JsonMatcher.Length length(Comparison.Operator op, long bound) {
        return new JsonMatcher.Length(new Comparison(op, BigDecimal.valueOf(bound)));
    }

    static JsonMatcher.EqualTo equalTo(String jsonLiteral) {
        return new JsonMatcher.EqualTo(new JsonTemplate.Scalar(parse(jsonLiteral)));
    }

    static JsonMatcher.EqualTo equalToText(String text) {
        return new JsonMatcher.EqualTo(new JsonTemplate.Str(Template.literal(text)));
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Nested
    class NotJson {

        @Test
        void saysTheBodyIsNotJsonAndWhatItIs() {
            ObservedResponse page = new ObservedResponse(200, "u", Map.of("Content-Type", List.of("text/html; charset=utf-8")),
                    "<html>".getBytes(StandardCharsets.UTF_8), Duration.ZERO, Map.of());
            assertThat(detail(path("$.token", new JsonMatcher.Exists(true)), page))
                    .isEqualTo("$.token: not checked: body is not JSON (Content-Type text/html)");
        }

        @Test
        void saysWhenThereIsNoContentTypeOrNoBody() {
            ObservedResponse bare = new ObservedResponse(200, "u", Map.of(), "oops".getBytes(StandardCharsets.UTF_8), Duration.ZERO, Map.of());
            assertThat(detail(path("$.token", new JsonMatcher.Exists(false)), bare))
                    .isEqualTo("$.token: not checked: body is not JSON (no Content-Type)");
            assertThat(detail(path("$.token", new JsonMatcher.Exists(true)), json("")))
                    .isEqualTo("$.token: not checked: body is empty");
        }
    }

    @Nested
    class Exists {

        @Test
        void existsTrue() {
            Expectation e = path("$.token", new JsonMatcher.Exists(true));
            assertThat(check(e, json("{\"token\":\"abc\"}"))).isEmpty();
            assertThat(check(e, json("{\"token\":null}"))).as("null is a value").isEmpty();
            assertThat(detail(e, json("{\"user\":\"ada\"}"))).isEqualTo("$.token: expected to exist, found nothing");
        }

        @Test
        void existsFalse() {
            Expectation e = path("$.error", new JsonMatcher.Exists(false));
            assertThat(check(e, json("{\"ok\":true}"))).isEmpty();
            assertThat(detail(e, json("{\"error\":\"boom\"}"))).isEqualTo("$.error: expected not to exist, found \"boom\"");
        }

        @Test
        void indefinitePathsFindAllMatches() {
            Expectation e = path("$.items[?(@.price < 0)]", new JsonMatcher.Exists(false));
            assertThat(check(e, json("{\"items\":[{\"price\":1}]}"))).isEmpty();
            assertThat(detail(e, json("{\"items\":[{\"price\":1},{\"price\":-2}]}")))
                    .isEqualTo("$.items[?(@.price < 0)]: expected not to exist, found [{\"price\":-2}]");
        }
    }

    @Nested
    class EqualTo {

        @Test
        void comparesStrings() {
            Expectation e = path("$.status", equalToText("ok"));
            assertThat(check(e, json("{\"status\":\"ok\"}"))).isEmpty();
            assertThat(detail(e, json("{\"status\":\"degraded\"}"))).isEqualTo("$.status: expected \"ok\", got \"degraded\"");
            assertThat(detail(e, json("{}"))).isEqualTo("$.status: expected \"ok\", found nothing");
        }

        @Test
        void comparesNumbersByValue() {
            assertThat(check(path("$.n", equalTo("1")), json("{\"n\":1.0}"))).isEmpty();
            assertThat(check(path("$.n", equalTo("1.50")), json("{\"n\":1.5}"))).isEmpty();
            assertThat(detail(path("$.n", equalTo("1")), json("{\"n\":2}"))).isEqualTo("$.n: expected 1, got 2");
        }

        @Test
        void aNumberIsNotAString() {
            assertThat(detail(path("$.id", equalTo("42")), json("{\"id\":\"42\"}"))).isEqualTo("$.id: expected 42, got \"42\"");
            assertThat(detail(path("$.id", equalToText("42")), json("{\"id\":42}"))).isEqualTo("$.id: expected \"42\", got 42");
        }

        @Test
        void comparesBooleansNullsAndStructures() {
            assertThat(check(path("$.ok", equalTo("true")), json("{\"ok\":true}"))).isEmpty();
            assertThat(check(path("$.gone", equalTo("null")), json("{\"gone\":null}"))).isEmpty();
            assertThat(detail(path("$.ok", equalTo("true")), json("{\"ok\":false}"))).isEqualTo("$.ok: expected true, got false");

            Map<String, JsonTemplate> fields = new LinkedHashMap<>();
            fields.put("id", new JsonTemplate.Scalar(NODES.numberNode(1)));
            fields.put("tags", new JsonTemplate.Arr(List.of(new JsonTemplate.Str(Template.literal("rock")))));
            Expectation e = path("$.track", new JsonMatcher.EqualTo(new JsonTemplate.Obj(fields)));
            assertThat(check(e, json("{\"track\":{\"tags\":[\"rock\"],\"id\":1.0}}"))).isEmpty();
            assertThat(detail(e, json("{\"track\":{\"id\":1,\"tags\":[\"pop\"]}}")))
                    .isEqualTo("$.track: expected {\"id\":1,\"tags\":[\"rock\"]}, got {\"id\":1,\"tags\":[\"pop\"]}");
        }

        @Test
        void rendersVariables() {
            Expectation e = path("$.user", new JsonMatcher.EqualTo(new JsonTemplate.Str(new Template(List.of(new Template.Var("user"))))));
            Variables vars = Variables.of(Map.of("user", "ada"));
            assertThat(Checks.check(e, json("{\"user\":\"ada\"}"), vars, Deadline.none())).isEmpty();
            assertThat(detail(e, json("{\"user\":\"bob\"}"), vars)).isEqualTo("$.user: expected \"ada\", got \"bob\"");
            assertThat(detail(e, json("{\"user\":\"bob\"}"))).isEqualTo("$.user: not checked: variable ${user} has no value");
        }

        @Test
        void masksSecrets() {
            Expectation e = path("$.token", new JsonMatcher.EqualTo(new JsonTemplate.Str(new Template(List.of(new Template.Text("s3cr3t", true))))));
            assertThat(detail(e, json("{\"token\":\"other\"}"))).isEqualTo("$.token: expected \"***\", got \"other\"");
            Variables vars = Variables.empty().with("token", "t0k3n", true);
            assertThat(detail(path("$.token", equalToText("x")), json("{\"token\":\"t0k3n\"}"), vars))
                    .isEqualTo("$.token: expected \"x\", got \"***\"");
        }

        @Test
        void cutsLongValues() {
            String longText = "z".repeat(200);
            assertThat(detail(path("$.s", equalToText("a")), json("{\"s\":\"" + longText + "\"}")))
                    .isEqualTo("$.s: expected \"a\", got \"" + "z".repeat(78) + "…");
        }
    }

    @Nested
    class Matches {

        @Test
        void findsTheRegexInTheValueAsText() {
            assertThat(check(path("$.id", new JsonMatcher.Matches(Pattern.compile("^\\d+$"))), json("{\"id\":\"123\"}"))).isEmpty();
            assertThat(check(path("$.id", new JsonMatcher.Matches(Pattern.compile("^\\d+$"))), json("{\"id\":123}"))).isEmpty();
            assertThat(check(path("$.url", new JsonMatcher.Matches(Pattern.compile("cdn"))), json("{\"url\":\"https://cdn.example/a.mp3\"}"))).isEmpty();
            assertThat(check(path("$.tags", new JsonMatcher.Matches(Pattern.compile("\\[\"rock\""))), json("{\"tags\":[\"rock\"]}"))).isEmpty();
        }

        @Test
        void failsShowingTheRegexAndTheValue() {
            Expectation e = path("$.id", new JsonMatcher.Matches(Pattern.compile("^\\d+$")));
            assertThat(detail(e, json("{\"id\":\"abc\"}"))).isEqualTo("$.id: expected to match /^\\d+$/, got \"abc\"");
            assertThat(detail(e, json("{}"))).isEqualTo("$.id: expected to match /^\\d+$/, found nothing");
        }
    }

    @Nested
    class Compare {

        @Test
        void comparesNumbersToTheBound() {
            assertThat(check(path("$.count", compare(Comparison.Operator.GT, 0)), json("{\"count\":3}"))).isEmpty();
            assertThat(check(path("$.count", compare(Comparison.Operator.GTE, 3)), json("{\"count\":3.0}"))).isEmpty();
            assertThat(check(path("$.count", compare(Comparison.Operator.LT, 3)), json("{\"count\":2.99}"))).isEmpty();
            assertThat(check(path("$.count", compare(Comparison.Operator.LTE, 3)), json("{\"count\":3}"))).isEmpty();
        }

        @Test
        void aNumericStringCountsAsANumber() {
            assertThat(check(path("$.count", compare(Comparison.Operator.GT, 40)), json("{\"count\":\"42\"}"))).isEmpty();
            assertThat(detail(path("$.count", compare(Comparison.Operator.LT, 40)), json("{\"count\":\"42\"}")))
                    .isEqualTo("$.count: expected < 40, got \"42\"");
        }

        @Test
        void failsSayingWhatItGot() {
            assertThat(detail(path("$.count", compare(Comparison.Operator.GT, 0)), json("{\"count\":0}"))).isEqualTo("$.count: expected > 0, got 0");
            assertThat(detail(path("$.count", compare(Comparison.Operator.LTE, 10)), json("{\"count\":10.5}"))).isEqualTo("$.count: expected <= 10, got 10.5");
            assertThat(detail(path("$.count", compare(Comparison.Operator.GT, 0)), json("{}"))).isEqualTo("$.count: expected > 0, found nothing");
        }

        @Test
        void failsOnAValueThatIsNotANumber() {
            assertThat(detail(path("$.id", compare(Comparison.Operator.GT, 0)), json("{\"id\":\"abc\"}"))).isEqualTo("$.id: expected a number, got \"abc\"");
            assertThat(detail(path("$.id", compare(Comparison.Operator.GT, 0)), json("{\"id\":true}"))).isEqualTo("$.id: expected a number, got true");
            assertThat(detail(path("$.id", compare(Comparison.Operator.GT, 0)), json("{\"id\":null}"))).isEqualTo("$.id: expected a number, got null");
        }
    }

    @Nested
    class Length {

        @Test
        void measuresArraysObjectsAndStrings() {
            assertThat(check(path("$.items", length(Comparison.Operator.GTE, 1)), json("{\"items\":[1]}"))).isEmpty();
            assertThat(check(path("$.meta", length(Comparison.Operator.EQ, 2)), json("{\"meta\":{\"a\":1,\"b\":2}}"))).isEmpty();
            assertThat(check(path("$.name", length(Comparison.Operator.EQ, 4)), json("{\"name\":\"Björk\"}")))
                    .isPresent(); // five characters
            assertThat(check(path("$.name", length(Comparison.Operator.EQ, 5)), json("{\"name\":\"Björk\"}"))).isEmpty();
            assertThat(check(path("$.emoji", length(Comparison.Operator.EQ, 1)), json("{\"emoji\":\"\uD83C\uDFB5\"}"))).as("one code point").isEmpty();
        }

        @Test
        void failsSayingTheLengthItGot() {
            assertThat(detail(path("$.items", length(Comparison.Operator.GTE, 1)), json("{\"items\":[]}"))).isEqualTo("$.items: expected length >= 1, got 0");
            assertThat(detail(path("$.items", length(Comparison.Operator.EQ, 3)), json("{\"items\":[1,2]}"))).isEqualTo("$.items: expected length == 3, got 2");
            assertThat(detail(path("$.items", length(Comparison.Operator.GTE, 1)), json("{}"))).isEqualTo("$.items: expected length >= 1, found nothing");
        }

        @Test
        void failsOnAValueWithNoLength() {
            assertThat(detail(path("$.count", length(Comparison.Operator.GTE, 1)), json("{\"count\":5}")))
                    .isEqualTo("$.count: expected an array, object or string (length >= 1), got 5");
            assertThat(detail(path("$.count", length(Comparison.Operator.GTE, 1)), json("{\"count\":null}")))
                    .isEqualTo("$.count: expected an array, object or string (length >= 1), got null");
        }

        @Test
        void ofAnIndefinitePathIsTheNumberOfMatches() {
            assertThat(detail(path("$.items[*].id", length(Comparison.Operator.GTE, 3)), json("{\"items\":[{\"id\":1},{\"id\":2}]}")))
                    .isEqualTo("$.items[*].id: expected length >= 3, got 2");
        }
    }

    @Test
    void theFirstFailingMatcherIsReported() {
        Expectation e = path("$.count", new JsonMatcher.Exists(true), compare(Comparison.Operator.GT, 0), compare(Comparison.Operator.LT, 5));
        assertThat(check(e, json("{\"count\":3}"))).isEmpty();
        assertThat(detail(e, json("{\"count\":9}"))).isEqualTo("$.count: expected < 5, got 9");
        assertThat(detail(e, json("{}"))).isEqualTo("$.count: expected to exist, found nothing");
    }
}
