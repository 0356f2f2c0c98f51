package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Exposition;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reloads apply valid changes (series of removed journeys go) and refuse invalid ones whole, losing nothing. */
class ReloadTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void service() {
        wm.stubFor(get("/a").willReturn(aResponse().withBody("a")));
        wm.stubFor(get("/b").willReturn(aResponse().withBody("b")));
        file = dir.resolve("journeys.yaml");
    }

    String journeys(String... names) {
        StringBuilder b = new StringBuilder("defaults: { interval: 200ms, timeout: 150ms }\njourneys:\n");
        for (String n : names) {
            b.append("  - name: ").append(n).append("\n    steps:\n      - name: get\n        request: { url: \"http://127.0.0.1:")
                    .append(wm.getPort()).append('/').append(n).append("\" }\n");
        }
        return b.toString();
    }

    static double runs(Exposition e, String journey) {
        return e.samples("uxprobe_journey_runs_total", "journey", journey).stream().mapToDouble(Exposition.Sample::value).sum();
    }

    @Test
    void validChangeAddsAndRemovesJourneysAndTheirSeries() throws Exception {
        Files.writeString(file, journeys("a"));
        try (AgentFixture agent = AgentFixture.start(file, "r1", Map.of())) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "a") >= 1);

            // replace a with b; reload by POST (the file watch may also fire: both must be harmless)
            Files.writeString(file, journeys("b"));
            HttpResponse<String> r = agent.post("/-/reload");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("reloaded: 1 journey (b@r1)");

            Exposition after = agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "b") >= 1);
            assertThat(after.samples().stream().filter(s -> "a".equals(s.label("journey")))).as("series of the removed journey").isEmpty();
            assertThat(after.value("uxprobe_config_last_reload_successful")).isEqualTo(1.0);
        }
    }

    @Test
    void invalidChangeIsRefusedAndTheOldJourneysKeepCounting() throws Exception {
        Files.writeString(file, journeys("a", "b"));
        try (AgentFixture agent = AgentFixture.start(file, "r1", Map.of())) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "a") >= 1 && runs(e, "b") >= 1);

            Files.writeString(file, journeys("a") + "    expct: { status: 200 }\n");
            HttpResponse<String> r = agent.post("/-/reload");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).startsWith("reload refused, old journeys keep running: " + file + ":7:5: unknown key 'expct'");

            Exposition refused = agent.scrape();
            assertThat(refused.value("uxprobe_config_last_reload_successful")).isZero();
            double before = runs(refused, "b");
            Exposition later = agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "b") > before + 1);
            assertThat(later.value("uxprobe_config_last_reload_successful")).isZero();
            assertThat(agent.log.toString()).contains("level=error msg=\"reload failed, old journeys keep running\"", ":7:5: unknown key 'expct'");

            // fixing the file brings the gauge back
            Files.writeString(file, journeys("a"));
            assertThat(agent.post("/-/reload").statusCode()).isEqualTo(200);
            assertThat(agent.scrape().value("uxprobe_config_last_reload_successful")).isEqualTo(1.0);
        }
    }

    @Test
    void aFileAddedToAWatchedFolderIsLoaded() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("journeys.d"));
        Files.writeString(folder.resolve("a.yaml"), journeys("a"));
        try (AgentFixture agent = AgentFixture.start(folder, "r1", Map.of())) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "a") >= 1);
            Files.writeString(folder.resolve("b.yml"), journeys("b"));
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "b") >= 1);
            Files.delete(folder.resolve("a.yaml"));
            agent.awaitScrape(Duration.ofSeconds(10), e -> e.samples().stream().noneMatch(s -> "a".equals(s.label("journey"))));
        }
    }

    @Test
    void aChangedFileIsReloadedByItself() throws Exception {
        Files.writeString(file, journeys("a"));
        try (AgentFixture agent = AgentFixture.start(file, "r1", Map.of())) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "a") >= 1);
            // as editors and ConfigMaps do: write elsewhere, then move into place
            Path fresh = dir.resolve("journeys.yaml.tmp");
            Files.writeString(fresh, journeys("a", "b"));
            Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            agent.awaitScrape(Duration.ofSeconds(10), e -> runs(e, "b") >= 1);
            assertThat(agent.log.toString()).contains("msg=\"journeys reloaded\" cause=\"journey file changed\"");
        }
    }
}
