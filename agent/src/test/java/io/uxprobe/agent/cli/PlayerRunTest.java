package io.uxprobe.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.demo.DemoService;
import io.uxprobe.demo.Outage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uxprobe run} of the player example in CI: the outage fails the browser journey, with its evidence in the reports. */
class PlayerRunTest {

    @TempDir
    Path dir;

    @Test
    void runCatchesThePlayerOutageInTheBrowserAndAttachesWhatTheUserSaw() throws Exception {
        SharedChromium.require();
        try (DemoService demo = DemoService.start(Map.of("eu-west", 0))) {
            String player = Path.of("../examples/journeys/player.yaml").toString();
            Cli healthy = Cli.run(Map.of(), "run", player, "--var", "base=" + demo.baseUrl("eu-west"), "--artifacts", dir.resolve("a").toString());
            assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isEqualTo(ExitCodes.PASSED);
            assertThat(healthy.out()).contains("PASS player-page", "PASS player", "ok    play  BROWSER", "ttfb", "fcp", "inp");

            demo.outage("eu-west", Outage.PLAYER_API);
            Path junit = dir.resolve("reports/uxprobe.xml");
            Path json = dir.resolve("reports/uxprobe.json");
            Cli broken = Cli.run(Map.of(), "run", player, "--var", "base=" + demo.baseUrl("eu-west"),
                    "--report-junit", junit.toString(), "--report-json", json.toString());
            assertThat(broken.exitCode()).as(broken.out() + broken.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(broken.out()).contains("PASS player-page", "FAIL player", "error_message: error message shown (try_again)", "evidence: ");

            Path artifacts = dir.resolve("reports/artifacts");
            try (var files = Files.list(artifacts)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.startsWith("player-play-") && n.endsWith(".png"))
                        .anyMatch(n -> n.endsWith(".txt"));
            }
            String xml = Files.readString(junit);
            assertThat(xml).contains("<failure type=\"error_message\"", "[[ATTACHMENT|" + artifacts.toAbsolutePath());
            JsonNode step = new ObjectMapper().readTree(json.toFile()).at("/journeys/1/steps/0");
            assertThat(step.at("/failure/signature").asText()).isEqualTo("try_again");
            assertThat(Path.of(step.at("/evidence/screenshot").asText())).exists();
            assertThat(Files.readString(Path.of(step.at("/evidence/text").asText()))).contains("Something went wrong. Try again.");
            assertThat(step.at("/page/failedRequests").asInt()).isPositive();
        }
    }
}
