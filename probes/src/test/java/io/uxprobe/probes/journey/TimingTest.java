package io.uxprobe.probes.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.uxprobe.probes.journey.StepBuilder.journey;
import static io.uxprobe.probes.journey.StepBuilder.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phase timings tell the truth: the server's delay shows up as ttfb, and the phases add up to the step. */
class TimingTest {

    @Test
    void ttfbIsTheServersDelayAndPhasesAddUpToTheStep() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try (HttpClients clients = new HttpClients()) {
            wm.stubFor(get("/delayed").willReturn(aResponse().withFixedDelay(300).withBody("x".repeat(10_000))));
            JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(List.of()), Clock.systemUTC());
            Journey j = journey("timed", step("delayed", "http://127.0.0.1:" + wm.port() + "/delayed").build());
            runner.run(j, Variables.empty(), Redactor.none()); // warm-up: class loading is not the server's time

            for (int i = 0; i < 3; i++) {
                StepResult s = runner.run(j, Variables.empty(), Redactor.none()).steps().getFirst();
                assertThat(s.passed()).as(s.toString()).isTrue();
                Duration ttfb = s.phases().get(Phase.TTFB);
                assertThat(ttfb).as("ttfb").isBetween(Duration.ofMillis(300), Duration.ofMillis(320));
                assertThat(s.phases().get(Phase.CONNECT)).as("fresh connection each run").isPositive();
                Duration gap = s.duration().minus(s.phases().total()).abs();
                assertThat(gap).as("phases %s vs step %s", s.phases(), s.duration()).isLessThanOrEqualTo(Duration.ofMillis(5));
            }
        } finally {
            wm.stop();
        }
    }
}
