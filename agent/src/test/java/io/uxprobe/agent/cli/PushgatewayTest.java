package io.uxprobe.agent.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Components;
import io.uxprobe.agent.testing.Daemon;
import io.uxprobe.agent.testing.Exposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** run --push-gateway against a real Prometheus Pushgateway: the group is job + region, and the series read back. */
class PushgatewayTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    @Test
    void aRunPushesItsJourneyMetrics() throws Exception {
        Path pushgateway = Components.require("prometheus-pushgateway", "prometheus-pushgateway");
        wm.stubFor(get("/ok").willReturn(aResponse().withBody("fine")));
        wm.stubFor(get("/broken").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><p>Something went wrong. Try again.</p></body></html>")));
        Path journeys = dir.resolve("smoke.yaml");
        Files.writeString(journeys, """
                vars: { base: "http://127.0.0.1:%d" }
                journeys:
                  - name: home
                    steps: [ { name: home, request: { url: "${base}/ok" } } ]
                  - name: player
                    steps: [ { name: player, request: { url: "${base}/broken" } } ]
                """.formatted(wm.getPort()));
        int port = Daemon.freePort();
        try (Daemon gateway = Daemon.start(List.of(pushgateway.toString(), "--web.listen-address=127.0.0.1:" + port), port, "/-/ready", dir)) {
            Cli r = Cli.run(Map.of(), "run", journeys.toString(), "--region", "ci-eu", "--push-gateway", gateway.url(""), "--push-job", "smoke");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);

            Exposition pushed = Exposition.parse(gateway.get("/metrics").body());
            assertThat(pushed.value("uxprobe_journey_success", "job", "smoke", "region", "ci-eu", "journey", "home")).isEqualTo(1.0);
            assertThat(pushed.value("uxprobe_journey_success", "job", "smoke", "region", "ci-eu", "journey", "player")).isZero();
            assertThat(pushed.value("uxprobe_error_messages_total", "journey", "player", "signature", "something_went_wrong")).isEqualTo(1.0);
            assertThat(pushed.samples("uxprobe_journey_success")).allMatch(s -> s.labels().getOrDefault("instance", "").isEmpty());
            assertThat(pushed.samples("push_time_seconds", "job", "smoke", "region", "ci-eu")).hasSize(1);
        }
    }

    @Test
    void anUnreachableGatewayIsSaidAndExitsThree() throws Exception {
        wm.stubFor(get("/ok").willReturn(aResponse().withBody("fine")));
        Path journeys = dir.resolve("smoke.yaml");
        Files.writeString(journeys, "journeys: [ { name: home, steps: [ { name: home, request: { url: \"http://127.0.0.1:" + wm.getPort() + "/ok\" } } ] } ]\n");
        String gateway = "http://127.0.0.1:" + Daemon.freePort();
        Cli r = Cli.run(Map.of(), "run", journeys.toString(), "--push-gateway", gateway, "--region", "eu-west-1");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BROKEN);
        assertThat(r.out()).contains("PASS home");
        // word for word as docs/metrics.md shows it
        assertThat(r.err()).isEqualTo("uxprobe: cannot push metrics to the Pushgateway at " + gateway + " (job uxprobe, region eu-west-1):"
                + " ConnectException: Connection refused; check the URL and that the Pushgateway is up\n");
    }
}
