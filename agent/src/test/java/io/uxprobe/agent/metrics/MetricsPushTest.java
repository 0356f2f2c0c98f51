package io.uxprobe.agent.metrics;

import io.uxprobe.agent.testing.Exposition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushes to a fake Pushgateway on loopback that records what it is sent. */
class MetricsPushTest {

    record Received(String method, String path, String contentType, String authorization, String body) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AgentMetrics agent = new AgentMetrics("eu-west-1", "1.2.3");
    HttpServer gateway;
    volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"), body));
            byte[] reply = (answer == 200 ? "" : "pushed metrics are invalid or inconsistent with existing metrics").getBytes();
            exchange.sendResponseHeaders(answer, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        gateway.start();
        agent.journeys().register(Fixtures.playback(), "eu-west-1", JourneyMetricsTest.SIGNATURES);
        agent.journeys().record("eu-west-1", Fixtures.playbackErrorMessage());
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
        agent.close();
    }

    String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    MetricsPush push(String url, String job) {
        return MetricsPush.to(url, job, agent.region(), agent.registry().getPrometheusRegistry());
    }

    @Test
    void putsTheRegionsGroupWithEverySeries() throws IOException {
        push(url(), MetricsPush.DEFAULT_JOB).push();

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("/metrics/job/uxprobe/region/eu-west-1");
            assertThat(r.contentType()).startsWith("text/plain");
            assertThat(r.authorization()).isNull();
            Exposition e = Exposition.parse(r.body());
            assertThat(e.value("uxprobe_journey_runs_total", "journey", "playback", "result", "failure")).isEqualTo(1);
            assertThat(e.value("uxprobe_error_messages_total", "step", "track", "signature", "try_again")).isEqualTo(1);
            assertThat(e.types()).containsKeys("uxprobe_build_info", "uxprobe_step_phase_seconds", "jvm_memory_used_bytes");
            assertThat(e.samples()).noneMatch(s -> s.labels().containsKey("instance"));
        });
    }

    @Test
    void pathPrefixJobAndBasicAuthComeFromTheUrl() throws IOException {
        String url = url().replace("http://", "http://ci-bot:p%40ss:word@") + "/gateway/";
        MetricsPush push = push(url, "nightly");
        push.push();

        assertThat(push.gateway()).doesNotContain("ci-bot", "word").endsWith("/gateway/");
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/gateway/metrics/job/nightly/region/eu-west-1");
            assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ci-bot:p@ss:word".getBytes()));
        });
    }

    @Test
    void eachRegionGoesToItsOwnGroup() throws IOException {
        agent.journeys().register(Fixtures.playback(), "us-east-1", JourneyMetricsTest.SIGNATURES);
        agent.journeys().record("us-east-1", Fixtures.playbackPassed());

        push(url(), "uxprobe").push();

        assertThat(received).extracting(Received::path)
                .containsExactly("/metrics/job/uxprobe/region/eu-west-1", "/metrics/job/uxprobe/region/us-east-1");
        Exposition home = Exposition.parse(received.get(0).body());
        Exposition other = Exposition.parse(received.get(1).body());
        assertThat(home.samples()).allSatisfy(s -> assertThat(s.labels()).containsEntry("region", "eu-west-1"));
        assertThat(other.samples()).isNotEmpty().allSatisfy(s -> assertThat(s.labels()).containsEntry("region", "us-east-1"));
        assertThat(other.value("uxprobe_journey_success", "journey", "playback")).isEqualTo(1);
        assertThat(other.types()).as("agent series stay in the agent's group").doesNotContainKeys("uxprobe_build_info", "jvm_memory_used_bytes");
    }

    @Test
    void aRejectedPushSaysWhichGatewayAndWhy() {
        answer = 400;
        String url = url().replace("http://", "http://ci-bot:secret@");

        assertThatThrownBy(() -> push(url, "uxprobe").push())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Pushgateway at " + url())
                .hasMessageContaining("400")
                .hasMessageContaining("region eu-west-1")
                .message().doesNotContain("secret");
    }

    @Test
    void anUnreachableGatewaySaysWhich() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;

        assertThatThrownBy(() -> push(url, "uxprobe").push())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot push metrics to the Pushgateway at " + url + " (job uxprobe, region eu-west-1): ")
                .hasMessageContaining("Connect");
    }

    @Test
    void aUrlThatIsNotOneIsRefusedUpFront() {
        assertThatThrownBy(() -> push("pushgateway:9091", "uxprobe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pushgateway:9091").hasMessageContaining("http://pushgateway:9091");
        assertThatThrownBy(() -> push("ftp://gw", "uxprobe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> push("http://gw:9091/?x=1", "uxprobe")).hasMessageContaining("query");
        assertThatThrownBy(() -> push(url(), " ")).hasMessageContaining("job");
    }
}
