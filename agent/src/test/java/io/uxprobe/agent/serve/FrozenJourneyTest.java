package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A run that never ends by itself (work inside a library that no deadline reaches) reads as down, never as the last "up". */
class FrozenJourneyTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    static void items(String name) {
        wm.stubFor(get("/items").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"items\":[{\"name\":\"" + name + "\"}]}")));
    }

    @Test
    void aStuckRunIsReportedAsATimeoutByItsDeadlinePlusASecond() throws Exception {
        items("aab");
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, """
                defaults: { interval: 2s, timeout: 1s }
                journeys:
                  - name: items
                    steps:
                      - name: items
                        request: { url: "http://127.0.0.1:%d/items" }
                        expect: { jsonPath: { "$.items[?(@.name =~ /(a+)+\\\\1b/)]": { exists: true } } }
                """.formatted(wm.getPort()));
        try (AgentFixture agent = AgentFixture.start(file, "eu-west", Map.of())) {
            Exposition up = agent.awaitScrape(Duration.ofSeconds(10), e -> e.samples("uxprobe_journey_success", "journey", "items").stream()
                    .anyMatch(s -> s.value() == 1.0));

            // 27 a's: the filter's regex backtracks for seconds inside the JSONPath library, past the 1 s deadline
            items("a".repeat(27));
            long broke = System.nanoTime();
            Exposition down = agent.awaitScrape(Duration.ofSeconds(10), e ->
                    e.value("uxprobe_journey_success", "journey", "items", "region", "eu-west") == 0.0);
            Duration seen = Duration.ofNanos(System.nanoTime() - broke);

            assertThat(seen).as("the next run starts within the 2 s interval and is reported soon after its deadline")
                    .isLessThan(Duration.ofSeconds(8));
            Matcher line = Pattern.compile("journey=items region=eu-west result=failure duration=([0-9.]+)s").matcher(agent.log.toString());
            double reportedAfter = 0;
            while (line.find()) reportedAfter = Double.parseDouble(line.group(1));
            assertThat(reportedAfter).as("the abandoned run is told within its deadline plus a second").isBetween(1.0, 2.0);
            // (a cold JVM's first run may overrun its 1 s on a busy machine: count from the "up" scrape on)
            assertThat(down.value("uxprobe_step_failures_total", "journey", "items", "step", "items", "reason", "timeout"))
                    .isEqualTo(up.value("uxprobe_step_failures_total", "journey", "items", "step", "items", "reason", "timeout") + 1);
            assertThat(down.value("uxprobe_journey_runs_total", "journey", "items", "result", "failure"))
                    .isEqualTo(up.value("uxprobe_journey_runs_total", "journey", "items", "result", "failure") + 1);
            assertThat(agent.log.toString()).contains("journey=items region=eu-west result=failure",
                    "journey timeout 1s passed and this step did not end; the run was abandoned");
        }
    }
}
