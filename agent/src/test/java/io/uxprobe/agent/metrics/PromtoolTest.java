package io.uxprobe.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The contract with Prometheus: {@code promtool check metrics} finds nothing to say about a real scrape. */
class PromtoolTest {

    static final Path PROMTOOL = Path.of(System.getenv().getOrDefault("PROMTOOL", "/usr/bin/promtool"));

    @Test
    void theScrapePassesPromtoolsLint() throws Exception {
        requirePromtool();
        String scrape;
        try (AgentMetrics agent = new AgentMetrics("eu-west-1", "1.2.3")) {
            JourneyMetrics metrics = agent.journeys();
            metrics.register(Fixtures.playback(), "eu-west-1", JourneyMetricsTest.SIGNATURES);
            metrics.register(Fixtures.playback(), "us-east-1", JourneyMetricsTest.SIGNATURES);
            metrics.record("eu-west-1", Fixtures.playbackPassed());
            metrics.record("eu-west-1", Fixtures.playbackErrorMessage());
            metrics.record("us-east-1", Fixtures.playbackServerError());
            agent.configReloaded(false);
            System.gc(); // so the GC pause summary is in the scrape too
            scrape = agent.scrape();
        }

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(scrape.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(said).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitValue()).isZero();
    }

    /** Missing promtool fails the build in CI (CI=true) and skips, saying so, on a laptop. */
    static void requirePromtool() throws IOException {
        if (Files.isExecutable(PROMTOOL)) return;
        String why = PROMTOOL + " not found: install Prometheus's promtool (Debian: apt-get install prometheus) or set PROMTOOL";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why);
        Assumptions.abort(why + "; skipped because CI is not set");
    }
}
