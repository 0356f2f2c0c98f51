package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Components;
import io.uxprobe.agent.testing.Daemon;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus scrapes the agent on loopback and answers for uxprobe_journey_success through its query API. */
class PrometheusScrapeTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheAgent() throws Exception {
        Path prometheus = Components.require("prometheus", "prometheus");
        wm.stubFor(get("/").willReturn(aResponse().withBody("hello")));
        Path journeys = dir.resolve("journeys.yaml");
        Files.writeString(journeys, """
                defaults: { interval: 500ms, timeout: 400ms }
                journeys:
                  - name: home
                    steps:
                      - name: home
                        request: { url: "http://127.0.0.1:%d/" }
                """.formatted(wm.getPort()));
        try (AgentFixture agent = AgentFixture.start(journeys, "eu-west", Map.of())) {
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global: { scrape_interval: 1s, evaluation_interval: 1s }
                    scrape_configs:
                      - job_name: uxprobe
                        static_configs: [ { targets: ["127.0.0.1:%d"] } ]
                    """.formatted(agent.agent.port()));
            int port = Daemon.freePort();
            try (Daemon prom = Daemon.start(List.of(prometheus.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port), port, "/-/ready", dir)) {
                String query = "/api/v1/query?query=" + URLEncoder.encode("uxprobe_journey_success{journey=\"home\"}", StandardCharsets.UTF_8);
                JsonNode result = null;
                for (int i = 0; i < 150 && (result == null || result.isEmpty()); i++) {
                    Thread.sleep(200);
                    result = new ObjectMapper().readTree(prom.get(query).body()).at("/data/result");
                }
                assertThat(result).as("Prometheus answered: %s\n%s", result, prom.output()).hasSize(1);
                assertThat(result.get(0).at("/metric/region").asText()).isEqualTo("eu-west");
                assertThat(result.get(0).at("/metric/job").asText()).isEqualTo("uxprobe");
                assertThat(result.get(0).at("/value/1").asText()).isEqualTo("1");

                JsonNode target = new ObjectMapper().readTree(prom.get("/api/v1/targets").body()).at("/data/activeTargets/0");
                assertThat(target.path("health").asText()).as(target.toString()).isEqualTo("up");
            }
        }
    }
}
