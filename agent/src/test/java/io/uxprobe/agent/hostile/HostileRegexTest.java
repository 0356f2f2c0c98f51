package io.uxprobe.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.agent.cli.Main;
import io.uxprobe.probes.testing.RawServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journeys whose every expectation is hostile to the page they meet still report within their deadline plus a
 * second: a regex that backtracks gives up, slow work stops at the deadline, and work nothing inside can stop
 * (a JSONPath filter regex, run inside the JSONPath library) is abandoned by the watchdog as a {@code timeout}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS) // before the fix `run` did not end for minutes
class HostileRegexTest {

    @TempDir
    Path dir;

    static RawServer serving(String contentType, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RawServer((socket, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n");
            out.write(bytes);
            out.flush();
        });
    }

    @Test
    void everyHostileExpectationReportsWithinItsDeadlinePlusASecond() throws Exception {
        String page = "<!doctype html><title>Home</title><main><p>" + "All quiet on the home shelf. ".repeat(36_000) + "</p></main>";
        // 28 a's make this filter regex backtrack for seconds inside the JSONPath library: past the 2 s deadline
        String json = "{\"items\":[{\"name\":\"" + "a".repeat(28) + "\"}]}";
        try (RawServer html = serving("text/html", page);
                RawServer api = serving("application/json", json);
                RawServer xs = serving("text/plain", "x".repeat(4 << 20))) {
            Path file = dir.resolve("hostile.yaml");
            Files.writeString(file, """
                    # the regexes that give up on their budget get room to show it; the rest meet their deadline
                    defaults: { timeout: 2s, stepTimeout: 2s }
                    errorSignatures:
                      - id: backtracker
                        regex: "(x+x+)+y|.*never.*shown.*"
                    journeys:
                      - name: welcome
                        timeout: 10s
                        stepTimeout: 10s
                        steps:
                          - name: home
                            request: { url: "%s/home" }
                            expect: { bodyMatches: ".*Welcome back.*" }
                      - name: token
                        timeout: 10s
                        stepTimeout: 10s
                        steps:
                          - name: home
                            request: { url: "%s/home" }
                            extract: { token: { regex: "(?s).*token=(.*)$" } }
                      - name: filter
                        steps:
                          - name: items
                            request: { url: "%s/items" }
                            expect: { jsonPath: { "$.items[?(@.name =~ /(a+)+\\\\1b/)]": { exists: true } } }
                      - name: slow
                        steps:
                          - name: xs
                            request: { url: "%s/xs" }
                            expect: { bodyMatches: "x{0,50}y" }
                    """.formatted(html.url(""), html.url(""), api.url(""), xs.url("")));
            Path report = dir.resolve("report.json");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), "run", file.toString(), "--report-json", report.toString());
            Instant ended = Instant.now();

            assertThat(code).as(out + "\n" + err).isEqualTo(1);
            JsonNode journeys = new ObjectMapper().readTree(report.toFile()).path("journeys");
            assertThat(journeys).hasSize(4);
            for (int i = 0; i < journeys.size(); i++) {
                JsonNode j = journeys.get(i);
                double limit = j.path("name").asText().matches("welcome|token") ? 10 + 1 : 2 + 1;
                assertThat(j.path("durationSeconds").asDouble()).as(j.path("name").asText()).isLessThan(limit);
                assertThat(j.path("passed").asBoolean()).as(j.path("name").asText()).isFalse();
                // a duration counts the steps' time; the wall clock, from this journey's start to the next one's (or
                // to the end of the run), also counts the reading of answers that ran into the deadline
                Instant next = i + 1 < journeys.size() ? Instant.parse(journeys.get(i + 1).path("startedAt").asText()) : ended;
                Duration wall = Duration.between(Instant.parse(j.path("startedAt").asText()), next);
                assertThat(wall).as("%s, on the wall clock: the run ends when its journeys do", j.path("name").asText())
                        .isLessThan(Duration.ofMillis((long) (limit * 1000)));
            }
            assertThat(reason(journeys, "welcome")).isEqualTo("assertion");
            assertThat(detail(journeys, "welcome")).contains("not checked: the regex needed more than 128 steps per character");
            assertThat(reason(journeys, "token")).isEqualTo("extraction");
            assertThat(reason(journeys, "filter")).isEqualTo("timeout");
            assertThat(detail(journeys, "filter")).isEqualTo("journey timeout 2s passed and this step did not end; the run was abandoned");
            assertThat(reason(journeys, "slow")).isEqualTo("timeout");
            assertThat(detail(journeys, "slow")).isEqualTo("journey timeout 2s reached while checking the response");
        }
    }

    static JsonNode failedStep(JsonNode journeys, String name) {
        for (JsonNode j : journeys) {
            if (!j.path("name").asText().equals(name)) continue;
            for (JsonNode s : j.path("steps")) if (s.path("outcome").asText().equals("failed")) return s;
        }
        throw new AssertionError("no failed step in " + name + ": " + journeys);
    }

    static String reason(JsonNode journeys, String name) {
        return failedStep(journeys, name).path("failure").path("reason").asText();
    }

    static String detail(JsonNode journeys, String name) {
        return failedStep(journeys, name).path("failure").path("detail").asText();
    }
}
