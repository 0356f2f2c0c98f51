package io.uxprobe.probes.extract;

import io.uxprobe.probes.deadline.Deadline;
import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.extract.Extracted.Found;
import io.uxprobe.probes.extract.Extracted.Missing;
import io.uxprobe.probes.http.ObservedResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExtractorsTest {

    static ObservedResponse response(Map<String, List<String>> headers, String body, Map<String, String> cookies) {
        return new ObservedResponse(200, "https://music.example/api", headers, body.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(5), cookies);
    }

    static ObservedResponse json(String body) {
        return response(Map.of("Content-Type", List.of("application/json")), body, Map.of());
    }

    static ObservedResponse text(String body) {
        return response(Map.of("Content-Type", List.of("text/html; charset=utf-8")), body, Map.of());
    }

    static Extracted jsonPath(String path, ObservedResponse r) {
        return Extractors.extract(new Extractor.JsonPath(path, com.jayway.jsonpath.JsonPath.compile(path)), r, Deadline.none());
    }

    static Extracted regex(String regex, int group, ObservedResponse r) {
        return Extractors.extract(new Extractor.Regex(Pattern.compile(regex), group), r, Deadline.none());
    }

    @Nested
    class JsonPath {

        @Test
        void stringsAreUnquoted() {
            assertThat(jsonPath("$.token", json("{\"token\":\"abc.def\"}"))).isEqualTo(new Found("abc.def"));
        }

        @Test
        void numbersAndBooleansAreText() {
            assertThat(jsonPath("$.id", json("{\"id\":42}"))).isEqualTo(new Found("42"));
            assertThat(jsonPath("$.price", json("{\"price\":1.50}"))).isEqualTo(new Found("1.5"));
            assertThat(jsonPath("$.ok", json("{\"ok\":true}"))).isEqualTo(new Found("true"));
        }

        @Test
        void objectsAndArraysAreCompactJson() {
            assertThat(jsonPath("$.track", json("{\"track\": { \"id\": 1, \"tags\": [ \"rock\" ] }}")))
                    .isEqualTo(new Found("{\"id\":1,\"tags\":[\"rock\"]}"));
            assertThat(jsonPath("$.ids", json("{\"ids\": [1, 2]}"))).isEqualTo(new Found("[1,2]"));
        }

        @Test
        void anIndefinitePathGivesTheFirstMatch() {
            assertThat(jsonPath("$.tracks[*].streamUrl", json("{\"tracks\":[{\"streamUrl\":\"https://cdn/1\"},{\"streamUrl\":\"https://cdn/2\"}]}")))
                    .isEqualTo(new Found("https://cdn/1"));
            assertThat(jsonPath("$..id", json("{\"a\":{\"id\":7}}"))).isEqualTo(new Found("7"));
        }

        @Test
        void missingWhenNothingIsFound() {
            assertThat(jsonPath("$.token", json("{\"user\":\"ada\"}"))).isEqualTo(new Missing("$.token: found nothing"));
            assertThat(jsonPath("$.tracks[*].id", json("{\"tracks\":[]}"))).isEqualTo(new Missing("$.tracks[*].id: found nothing"));
        }

        @Test
        void missingWhenNull() {
            assertThat(jsonPath("$.token", json("{\"token\":null}"))).isEqualTo(new Missing("$.token: is null"));
        }

        @Test
        void missingWhenTheBodyIsNotJson() {
            assertThat(jsonPath("$.token", text("<html>"))).isEqualTo(new Missing("$.token: not extracted: body is not JSON (Content-Type text/html)"));
            assertThat(jsonPath("$.token", json(""))).isEqualTo(new Missing("$.token: not extracted: body is empty"));
        }
    }

    @Nested
    class Regex {

        @Test
        void takesTheGroupOfTheFirstMatch() {
            ObservedResponse page = text("<input name=csrf value=\"a1\"><input name=csrf value=\"b2\">");
            assertThat(regex("value=\"(\\w+)\"", 1, page)).isEqualTo(new Found("a1"));
            assertThat(regex("value=\"\\w+\"", 0, page)).isEqualTo(new Found("value=\"a1\""));
            assertThat(regex("name=(\\w+) value=\"(\\w+)\"", 2, page)).isEqualTo(new Found("a1"));
        }

        @Test
        void missingWhenNothingMatches() {
            assertThat(regex("token=(\\w+)", 1, text("no token here"))).isEqualTo(new Missing("regex /token=(\\w+)/: no match in body"));
        }

        @Test
        void missingWhenTheGroupDoesNotExist() {
            assertThat(regex("token=(\\w+)", 2, text("token=abc"))).isEqualTo(new Missing("regex /token=(\\w+)/: has no group 2 (it has 1 group)"));
            assertThat(regex("token=\\w+", 1, text("token=abc"))).isEqualTo(new Missing("regex /token=\\w+/: has no group 1 (it has 0 groups)"));
        }

        @Test
        void missingWhenTheGroupTookNoPart() {
            assertThat(regex("token(=(\\w+))?", 2, text("token;"))).isEqualTo(new Missing("regex /token(=(\\w+))?/: group 2 took no part in the match"));
        }

        @Test
        void anEmptyGroupIsAValue() {
            assertThat(regex("token=(\\w*);", 1, text("token=;"))).isEqualTo(new Found(""));
        }
    }

    @Nested
    class Header {

        @Test
        void takesTheFirstValue() {
            ObservedResponse r = response(Map.of("location", List.of("/home", "/other")), "", Map.of());
            assertThat(Extractors.extract(new Extractor.Header("Location"), r, Deadline.none())).isEqualTo(new Found("/home"));
        }

        @Test
        void missingWhenAbsent() {
            assertThat(Extractors.extract(new Extractor.Header("Location"), text(""), Deadline.none()))
                    .isEqualTo(new Missing("header Location: missing"));
        }
    }

    @Nested
    class Cookie {

        @Test
        void takesTheCookie() {
            ObservedResponse r = response(Map.of(), "", Map.of("session", "s-123"));
            assertThat(Extractors.extract(new Extractor.Cookie("session"), r, Deadline.none())).isEqualTo(new Found("s-123"));
        }

        @Test
        void missingWhenNotSet() {
            assertThat(Extractors.extract(new Extractor.Cookie("session"), text(""), Deadline.none())).isEqualTo(new Missing("cookie session: not set"));
        }
    }
}
