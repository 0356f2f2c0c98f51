package io.uxprobe.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.testing.Promtool;
import org.junit.jupiter.api.Test;

/** The contract with Prometheus: {@code promtool check metrics} finds nothing to say about a real scrape. */
class PromtoolTest {

    @Test
    void theScrapePassesPromtoolsLint() throws Exception {
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

        Promtool.Verdict verdict = Promtool.checkMetrics(scrape);
        assertThat(verdict.said()).as("promtool check metrics").isEmpty();
        assertThat(verdict.exitCode()).isZero();
    }
}
