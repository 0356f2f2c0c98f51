package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_34_0.Metrics;
import io.uxprobe.agent.testing.Exposition;
import io.uxprobe.agent.testing.Promtool;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** serve, in-process, against WireMock; /metrics read back with the Prometheus project's own text parser. */
class ServeEndToEndTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    static String journeys(int port) {
        return """
                vars:
                  base: http://127.0.0.1:%d
                defaults: { interval: 300ms, timeout: 250ms }
                errorSignatures:
                  - id: try_again
                    text: "Something went wrong. Try again."
                journeys:
                  - name: login
                    steps:
                      - name: login
                        request: { method: POST, url: "${base}/api/login", json: { user: ada } }
                        extract: { token: { jsonPath: "$.token" } }
                      - name: home
                        request: { url: "${base}/home", headers: { Authorization: "Bearer ${token}" } }
                  - name: search
                    steps:
                      - name: search
                        request: { url: "${base}/api/search?q=jazz" }
                """.formatted(port);
    }

    void healthy() {
        wm.stubFor(post("/api/login").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"token\":\"t\"}")));
        wm.stubFor(get("/home").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html><body><h1>Welcome</h1></body></html>")));
        wm.stubFor(get("/api/search?q=jazz").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"results\":[1]}")));
    }

    @Test
    void journeysSucceedThenTheUserSeesAnErrorOnA200() throws Exception {
        healthy();
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, journeys(wm.getPort()));
        try (AgentFixture agent = AgentFixture.start(file, "eu-west", Map.of())) {
            // the first run of a cold JVM may overrun its 250 ms on a busy machine: wait for success, not for a run
            Exposition up = agent.awaitScrape(Duration.ofSeconds(10), e ->
                    e.samples("uxprobe_journey_success", "journey", "login").stream().anyMatch(s -> s.value() == 1.0)
                            && e.samples("uxprobe_journey_success", "journey", "search").stream().anyMatch(s -> s.value() == 1.0));
            assertThat(agent.get("/-/ready").statusCode()).isEqualTo(200);
            assertThat(agent.get("/-/healthy").statusCode()).isEqualTo(200);

            assertThat(up.value("uxprobe_journey_success", "journey", "login", "region", "eu-west")).isEqualTo(1.0);
            assertThat(up.value("uxprobe_journey_runs_total", "journey", "login", "result", "success")).isGreaterThanOrEqualTo(1.0);
            assertThat(up.value("uxprobe_journey_runs_total", "journey", "login", "result", "failure")).as("pre-created at 0").isZero();
            assertThat(up.value("uxprobe_step_failures_total", "journey", "login", "step", "home", "reason", "error_message")).isZero();
            assertThat(up.value("uxprobe_error_messages_total", "journey", "login", "step", "home", "signature", "try_again")).isZero();
            assertThat(up.value("uxprobe_step_phase_seconds_count", "journey", "login", "step", "home", "phase", "ttfb")).isPositive();
            assertThat(up.value("uxprobe_step_phase_seconds_sum", "journey", "login", "step", "login", "phase", "connect")).isPositive();
            assertThat(up.type("uxprobe_step_phase_seconds")).isEqualTo("histogram");
            assertThat(up.type("uxprobe_journey_runs")).isEqualTo("counter");
            assertThat(up.value("uxprobe_build_info", "region", "eu-west")).isEqualTo(1.0);
            assertThat(up.samples()).as("every series carries region").allMatch(s -> "eu-west".equals(s.label("region")));
            Promtool.Verdict lint = Promtool.checkMetrics(agent.metricsText());
            assertThat(lint.said()).as("promtool check metrics on the live /metrics").isEmpty();
            assertThat(lint.exitCode()).isZero();

            // the outage: 200 OK, and the page says something went wrong
            wm.stubFor(get("/home").willReturn(aResponse().withHeader("Content-Type", "text/html")
                    .withBody("<html><body><div class=banner>Something went wrong. Try again.</div></body></html>")));
            Exposition down = agent.awaitScrape(Duration.ofSeconds(10), e ->
                    e.value("uxprobe_journey_success", "journey", "login", "region", "eu-west") == 0.0);
            assertThat(down.value("uxprobe_step_failures_total", "journey", "login", "step", "home", "reason", "error_message")).isPositive();
            assertThat(down.value("uxprobe_error_messages_total", "journey", "login", "step", "home", "signature", "try_again")).isPositive();
            assertThat(down.value("uxprobe_http_responses_total", "journey", "login", "step", "home", "code", "2xx")).isPositive();
            assertThat(down.value("uxprobe_journey_runs_total", "journey", "login", "result", "failure")).isPositive();
            assertThat(down.value("uxprobe_journey_success", "journey", "search", "region", "eu-west")).as("other journeys unaffected").isEqualTo(1.0);
            assertThat(agent.log.toString()).contains("journey=login region=eu-west result=failure", "step=home status=200 reason=error_message signature=try_again");
        }
    }

    @Test
    void metricsComeAsProtobufWhenPrometheusAsksForIt() throws Exception {
        healthy();
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, journeys(wm.getPort()));
        try (AgentFixture agent = AgentFixture.start(file, "eu-west", Map.of())) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> !e.samples("uxprobe_journey_success").isEmpty());
            HttpResponse<InputStream> r = AgentFixture.HTTP.send(HttpRequest.newBuilder(URI.create(agent.url("/metrics")))
                    .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.google.protobuf");
            List<String> names = new ArrayList<>();
            try (InputStream in = r.body()) {
                Metrics.MetricFamily f;
                while ((f = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) names.add(f.getName());
            }
            assertThat(names).contains("uxprobe_journey_success", "uxprobe_journey_runs_total", "uxprobe_step_phase_seconds");

            HttpResponse<String> om = AgentFixture.HTTP.send(HttpRequest.newBuilder(URI.create(agent.url("/metrics")))
                    .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(om.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
            assertThat(om.body()).endsWith("# EOF\n");
        }
    }
}
