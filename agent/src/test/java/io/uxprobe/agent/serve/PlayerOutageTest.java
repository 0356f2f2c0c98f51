package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.agent.testing.Exposition;
import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.demo.DemoService;
import io.uxprobe.demo.Outage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage users met, as only a browser sees it: the web player's API fails, the player draws "Something went wrong.
 * Try again." The agent's HTTP journey of the page stays green; its browser journey goes red with error_message, in
 * /metrics and on the status page with the screenshot, and green again when the API heals.
 */
class PlayerOutageTest {

    @TempDir
    Path dir;

    /** examples/journeys/player.yaml against the demo, with an interval that fits a busy test machine. */
    static Path playerJourneys(Path dir, String base) throws Exception {
        String yaml = Files.readString(Path.of("../examples/journeys/player.yaml"))
                .replace("base: http://localhost:8080", "base: " + base)
                .replace("  timeout: 15s", "  interval: 12s\n  timeout: 12s");
        return Files.writeString(dir.resolve("player.yaml"), yaml);
    }

    @Test
    void theBrowserJourneyCatchesThePlayerOutageAndTheHttpJourneyDoesNot() throws Exception {
        SharedChromium.require();
        try (DemoService demo = DemoService.start(Map.of("eu-west", 0));
                AgentFixture agent = AgentFixture.start(playerJourneys(dir, demo.baseUrl("eu-west")), "eu-west",
                        Map.of("UXPROBE_CHROMIUM", "/usr/bin/chromium"))) {
            demo.outage("eu-west", Outage.PLAYER_API);
            // the first runs may have seen a healthy API: wait for a run of the broken one, and for the page's first run
            Exposition red = agent.awaitScrape(Duration.ofSeconds(60), e -> e.value("uxprobe_error_messages_total", "journey", "player",
                    "step", "play", "signature", "try_again") >= 1
                    && !e.samples("uxprobe_journey_success", "journey", "player-page").isEmpty());
            assertThat(red.value("uxprobe_journey_success", "journey", "player")).isZero();
            assertThat(red.value("uxprobe_journey_success", "journey", "player-page")).as("the page's shell is fine").isEqualTo(1.0);
            assertThat(red.value("uxprobe_step_failures_total", "journey", "player", "step", "play", "reason", "error_message")).isPositive();
            assertThat(red.value("uxprobe_browser_failed_requests_total", "journey", "player", "step", "play")).isPositive();
            assertThat(red.value("uxprobe_browser_console_errors_total", "journey", "player", "step", "play")).isPositive();
            assertThat(red.value("uxprobe_browser_vitals_seconds_count", "journey", "player", "step", "play", "vital", "ttfb")).isPositive();

            JsonNode status = new ObjectMapper().readTree(agent.get("/api/status").body());
            JsonNode failure = cell(status, "player").at("/lastFailure/failure");
            assertThat(failure.path("reason").asText()).isEqualTo("error_message");
            assertThat(failure.path("message").asText()).contains("Something went wrong. Try again.");
            String screenshot = failure.path("screenshot").asText();
            assertThat(screenshot).startsWith("artifacts/").endsWith(".png");
            HttpResponse<byte[]> png = AgentFixture.HTTP.send(HttpRequest.newBuilder(URI.create(agent.url("/" + screenshot))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(agent.get("/").body()).contains("Something went wrong. Try again.", "src=\"" + screenshot + "\"");
            assertThat(agent.get("/artifacts/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);

            demo.outage("eu-west", Outage.NONE);
            Exposition green = agent.awaitScrape(Duration.ofSeconds(60), e -> e.value("uxprobe_journey_success", "journey", "player") == 1.0);
            assertThat(green.value("uxprobe_browser_vitals_seconds_count", "journey", "player", "step", "play", "vital", "inp")).isPositive();
            assertThat(green.value("uxprobe_browser_cls_count", "journey", "player", "step", "play")).isPositive();
        }
    }

    static JsonNode cell(JsonNode status, String journey) {
        for (JsonNode j : status.path("journeys")) {
            if (j.path("journey").asText().equals(journey)) return j.path("regions").get(0);
        }
        throw new AssertionError("no journey " + journey + " in " + status.toPrettyString());
    }
}
