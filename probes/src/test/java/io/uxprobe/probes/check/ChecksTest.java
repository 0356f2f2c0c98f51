package io.uxprobe.probes.check;

import io.uxprobe.probes.deadline.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.http.ObservedResponse;
import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.template.Template;
import io.uxprobe.probes.template.Variables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChecksTest {

    static ObservedResponse response(int status, Map<String, List<String>> headers, String body, Duration took) {
        return new ObservedResponse(status, "https://music.example/api", headers, body.getBytes(StandardCharsets.UTF_8), took, Map.of());
    }

    static ObservedResponse status(int status) {
        return response(status, Map.of(), "", Duration.ofMillis(10));
    }

    static ObservedResponse took(Duration d) {
        return response(200, Map.of(), "", d);
    }

    static ObservedResponse html(String body) {
        return response(200, Map.of("Content-Type", List.of("text/html; charset=utf-8")), body, Duration.ofMillis(10));
    }

    static Optional<Failure> check(Expectation e, ObservedResponse r) {
        return Checks.check(e, r, Variables.empty(), Deadline.none());
    }

    /** The detail of an {@code assertion} failure. */
    static String assertionDetail(Expectation e, ObservedResponse r, Variables vars) {
        Optional<Failure> f = Checks.check(e, r, vars, Deadline.none());
        assertThat(f).as("failure").isPresent();
        assertThat(f.get().reason()).isEqualTo(FailureReason.ASSERTION);
        return f.get().detail();
    }

    static String assertionDetail(Expectation e, ObservedResponse r) {
        return assertionDetail(e, r, Variables.empty());
    }

    @Nested
    class Status {

        final Expectation ok = new Expectation.Status(List.of(StatusRange.exactly(200)));
        final Expectation okOrPartial = new Expectation.Status(List.of(StatusRange.exactly(200), StatusRange.exactly(206)));
        final Expectation success = new Expectation.Status(List.of(StatusRange.ofClass(2)));

        @Test
        void passesOnAnAllowedCode() {
            assertThat(check(ok, status(200))).isEmpty();
            assertThat(check(okOrPartial, status(206))).isEmpty();
            assertThat(check(success, status(204))).isEmpty();
        }

        @Test
        void failsWithHttpStatusSayingWhatWasExpected() {
            assertThat(check(ok, status(503))).contains(Failure.of(FailureReason.HTTP_STATUS, "expected status 200, got 503"));
            assertThat(check(okOrPartial, status(404)).orElseThrow().detail()).isEqualTo("expected status 200 or 206, got 404");
            assertThat(check(success, status(302)).orElseThrow().detail()).isEqualTo("expected status 2xx, got 302");
        }

        @Test
        void listsManyAllowedCodes() {
            Expectation many = new Expectation.Status(List.of(StatusRange.exactly(200), StatusRange.exactly(204), StatusRange.ofClass(3)));
            assertThat(check(many, status(500)).orElseThrow().detail()).isEqualTo("expected status 200, 204 or 3xx, got 500");
        }
    }

    @Nested
    class MaxDuration {

        @Test
        void passesUpToTheLimit() {
            Expectation e = new Expectation.MaxDuration(Duration.ofMillis(800));
            assertThat(check(e, took(Duration.ofMillis(799)))).isEmpty();
            assertThat(check(e, took(Duration.ofMillis(800)))).isEmpty();
        }

        @Test
        void failsSayingHowLongItTook() {
            assertThat(assertionDetail(new Expectation.MaxDuration(Duration.ofMillis(800)), took(Duration.ofMillis(1210))))
                    .isEqualTo("took 1.21s, over maxDuration 800ms");
            assertThat(assertionDetail(new Expectation.MaxDuration(Duration.ofSeconds(5)), took(Duration.ofMillis(5002))))
                    .isEqualTo("took 5.002s, over maxDuration 5s");
            assertThat(assertionDetail(new Expectation.MaxDuration(Duration.ofMinutes(1)), took(Duration.ofSeconds(61))))
                    .isEqualTo("took 61s, over maxDuration 1m");
        }

        @Test
        void roundsUpSoAnOverrunNeverReadsAsTheLimit() {
            assertThat(assertionDetail(new Expectation.MaxDuration(Duration.ofMillis(800)), took(Duration.ofNanos(800_000_001))))
                    .isEqualTo("took 801ms, over maxDuration 800ms");
        }
    }

    @Nested
    class BodyContains {

        @Test
        void passesWhenTheTextIsThere() {
            assertThat(check(new Expectation.BodyContains(Template.literal("Welcome back")), html("<h1>Welcome back, Ada</h1>"))).isEmpty();
        }

        @Test
        void failsSayingWhatIsMissing() {
            assertThat(assertionDetail(new Expectation.BodyContains(Template.literal("Welcome back")), html("<h1>Sign in</h1>")))
                    .isEqualTo("body does not contain \"Welcome back\"");
        }

        @Test
        void rendersVariables() {
            Expectation e = new Expectation.BodyContains(new Template(List.of(new Template.Text("Hello, ", false), new Template.Var("user"))));
            Variables vars = Variables.of(Map.of("user", "Ada"));
            assertThat(Checks.check(e, html("<p>Hello, Ada</p>"), vars, Deadline.none())).isEmpty();
            assertThat(assertionDetail(e, html("<p>Hello, Bob</p>"), vars)).isEqualTo("body does not contain \"Hello, Ada\"");
        }

        @Test
        void aVariableWithNoValueIsAMissNotACrash() {
            Expectation e = new Expectation.BodyContains(new Template(List.of(new Template.Var("user"))));
            assertThat(assertionDetail(e, html("x")))
                    .isEqualTo("bodyContains: not checked: variable ${user} has no value");
        }

        @Test
        void masksSecrets() {
            Expectation e = new Expectation.BodyContains(new Template(List.of(new Template.Var("token"))));
            Variables vars = Variables.empty().with("token", "s3cr3t", true);
            assertThat(assertionDetail(e, html("nothing"), vars)).isEqualTo("body does not contain \"***\"");
        }

        @Test
        void cutsLongText() {
            String text = "a".repeat(100);
            assertThat(assertionDetail(new Expectation.BodyContains(Template.literal(text)), html("b")))
                    .isEqualTo("body does not contain \"" + "a".repeat(79) + "…\"");
        }
    }

    @Test
    void neverCutsACharacterInHalf() {
        String notes = "\uD83C\uDFB5".repeat(60); // 120 chars, 60 code points
        String detail = assertionDetail(new Expectation.BodyContains(Template.literal(notes)), html("b"));
        assertThat(detail).isEqualTo("body does not contain \"" + "\uD83C\uDFB5".repeat(39) + "…\"");
        String excerpt = assertionDetail(new Expectation.BodyNotContains(Template.literal("Sold out")), html(notes + "Sold out" + notes))
                .substring("body contains \"Sold out\": ".length());
        assertThat(excerpt.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE)).isEmpty();
        assertThat(excerpt).hasSizeLessThanOrEqualTo(80).contains("Sold out");
    }

    @Nested
    class BodyNotContains {

        @Test
        void passesWhenTheTextIsAbsent() {
            assertThat(check(new Expectation.BodyNotContains(Template.literal("Sold out")), html("<p>Tickets left: 3</p>"))).isEmpty();
        }

        @Test
        void failsShowingWhereTheTextIs() {
            assertThat(assertionDetail(new Expectation.BodyNotContains(Template.literal("Sold out")), html("<p>Sold out</p>")))
                    .isEqualTo("body contains \"Sold out\": <p>Sold out</p>");
        }

        @Test
        void theExcerptIsAtMost80CharactersOnOneLine() {
            String body = "x".repeat(200) + "\n  <p>Sold out</p>\n" + "y".repeat(200);
            String detail = assertionDetail(new Expectation.BodyNotContains(Template.literal("Sold out")), html(body));
            String excerpt = detail.substring("body contains \"Sold out\": ".length());
            assertThat(excerpt).hasSizeLessThanOrEqualTo(80).startsWith("…x").endsWith("y…").contains(" <p>Sold out</p> ").doesNotContain("\n");
        }

        @Test
        void theExcerptStopsAtTheEndsOfTheBody() {
            String body = "Sold out" + "y".repeat(100);
            assertThat(assertionDetail(new Expectation.BodyNotContains(Template.literal("Sold out")), html(body)))
                    .isEqualTo("body contains \"Sold out\": Sold out" + "y".repeat(70) + "…");
        }
    }

    @Nested
    class BodyMatches {

        @Test
        void passesWhenTheRegexIsFoundAnywhere() {
            assertThat(check(new Expectation.BodyMatches(Pattern.compile("tracks: \\d+")), html("<p>tracks: 12</p>"))).isEmpty();
        }

        @Test
        void failsShowingTheRegex() {
            assertThat(assertionDetail(new Expectation.BodyMatches(Pattern.compile("tracks: \\d+")), html("<p>tracks: none</p>")))
                    .isEqualTo("body does not match /tracks: \\d+/");
        }
    }

    @Nested
    class Header {

        static ObservedResponse withHeader(String name, String... values) {
            return response(200, Map.of(name, List.of(values)), "", Duration.ofMillis(1));
        }

        @Test
        void matchesAGlobCaseInsensitively() {
            Expectation audio = new Expectation.Header("Content-Type", "audio/*");
            assertThat(check(audio, withHeader("content-type", "audio/mpeg"))).isEmpty();
            assertThat(check(audio, withHeader("Content-Type", "AUDIO/ogg; codecs=opus"))).isEmpty();
            assertThat(check(new Expectation.Header("X-Region", "eu-?"), withHeader("X-Region", "eu-1"))).isEmpty();
        }

        @Test
        void aGlobWithoutParametersMatchesAValueWithThem() {
            Expectation html = new Expectation.Header("Content-Type", "text/html");
            assertThat(check(html, withHeader("Content-Type", "text/html"))).isEmpty();
            assertThat(check(html, withHeader("Content-Type", "text/html; charset=utf-8"))).isEmpty();
            assertThat(check(new Expectation.Header("Content-Type", "text/html; charset=utf-8"), withHeader("Content-Type", "text/html; charset=UTF-8"))).isEmpty();
        }

        @Test
        void otherCharactersAreLiteral() {
            Expectation e = new Expectation.Header("Cache-Control", "max-age=.+");
            assertThat(check(e, withHeader("Cache-Control", "max-age=.+"))).isEmpty();
            assertThat(assertionDetail(e, withHeader("Cache-Control", "max-age=60")))
                    .isEqualTo("header Cache-Control: expected max-age=.+, got max-age=60");
        }

        @Test
        void anyOfSeveralValuesMayMatch() {
            Expectation e = new Expectation.Header("Vary", "Accept-*");
            assertThat(check(e, withHeader("Vary", "Origin", "Accept-Encoding"))).isEmpty();
            assertThat(assertionDetail(e, withHeader("Vary", "Origin", "Cookie"))).isEqualTo("header Vary: expected Accept-*, got Origin, Cookie");
        }

        @Test
        void failsOnAnotherValue() {
            assertThat(assertionDetail(new Expectation.Header("Content-Type", "audio/*"), withHeader("Content-Type", "text/html; charset=utf-8")))
                    .isEqualTo("header Content-Type: expected audio/*, got text/html; charset=utf-8");
            assertThat(assertionDetail(new Expectation.Header("X-Region", "eu-?"), withHeader("X-Region", "eu-12")))
                    .isEqualTo("header X-Region: expected eu-?, got eu-12");
        }

        @Test
        void failsWhenMissing() {
            assertThat(assertionDetail(new Expectation.Header("Content-Type", "audio/*"), status(200)))
                    .isEqualTo("header Content-Type: expected audio/*, missing");
        }
    }
}
