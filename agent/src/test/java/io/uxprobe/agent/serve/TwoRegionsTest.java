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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Agents in two regions, same journeys, same target: the same series, apart from region. */
class TwoRegionsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    static Set<String> seriesWithoutRegion(Exposition e, String region) {
        assertThat(e.samples()).allMatch(s -> region.equals(s.label("region")));
        // GC pause series appear after an agent's first collection, which the two scrapes may fall either side of
        return e.samples().stream().filter(s -> !s.name().startsWith("jvm_gc_pause_")).map(s -> {
            TreeMap<String, String> labels = new TreeMap<>(s.labels());
            labels.remove("region");
            return s.name() + labels;
        }).collect(Collectors.toSet());
    }

    @Test
    void sameSeriesApartFromRegion() throws Exception {
        wm.stubFor(get("/").willReturn(aResponse().withBody("hello")));
        wm.stubFor(get("/down").willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        Path journeys = dir.resolve("journeys.yaml");
        Files.writeString(journeys, """
                defaults: { interval: 300ms, timeout: 250ms }
                journeys:
                  - name: home
                    steps: [ { name: home, request: { url: "http://127.0.0.1:%1$d/" } } ]
                  - name: broken
                    steps: [ { name: down, request: { url: "http://127.0.0.1:%1$d/down" } } ]
                """.formatted(wm.getPort()));
        try (AgentFixture europe = AgentFixture.start(journeys, "eu-west", Map.of());
                AgentFixture america = AgentFixture.start(journeys, "us-east", Map.of())) {
            java.util.function.Predicate<Exposition> ranTwice = e -> e.samples("uxprobe_journey_runs_total").stream()
                    .mapToDouble(Exposition.Sample::value).sum() >= 4;
            Exposition eu = europe.awaitScrape(Duration.ofSeconds(10), ranTwice);
            Exposition us = america.awaitScrape(Duration.ofSeconds(10), ranTwice);
            Set<String> euSeries = seriesWithoutRegion(eu, "eu-west");
            Set<String> usSeries = seriesWithoutRegion(us, "us-east");
            assertThat(euSeries).isEqualTo(usSeries);
            assertThat(euSeries).anyMatch(s -> s.startsWith("uxprobe_step_failures_total{") && s.contains("reason=error_message"));
            assertThat(eu.value("uxprobe_journey_success", "journey", "broken")).isZero();
            assertThat(us.value("uxprobe_journey_success", "journey", "broken")).isZero();
        }
    }
}
