package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An incident, end to end through serve: exactly one "down" and one "up" message, in order, though the receiver refused at first. */
class NotificationsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    @Test
    void oneDownAndOneUpPerIncidentInOrder() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(3);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean refuse = refusals.getAndDecrement() > 0; // down for the first attempts, as a webhook outage would be
            if (!refuse) received.add(new ObjectMapper().readTree(body));
            ex.sendResponseHeaders(refuse ? 503 : 200, -1);
            ex.close();
        });
        receiver.start();
        wm.stubFor(get("/play").willReturn(aResponse().withBody("<html><body>playing</body></html>").withHeader("Content-Type", "text/html")));
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, """
                notify:
                  webhooks:
                    - url: "http://127.0.0.1:%d/hook"
                      headers: { Authorization: "Bearer ${secret:HOOK_TOKEN}" }
                      template: "We are seeing {journey} failures in {regions} since {since} UTC; users may see '{message}'."
                defaults: { interval: 200ms, timeout: 150ms, failureThreshold: 2 }
                journeys:
                  - name: playback
                    steps: [ { name: play, request: { url: "http://127.0.0.1:%d/play" } } ]
                """.formatted(receiver.getAddress().getPort(), wm.getPort()));
        try (AgentFixture agent = AgentFixture.start(file, "eu-west", Map.of("HOOK_TOKEN", "tok-123"))) {
            agent.awaitScrape(Duration.ofSeconds(10), e -> e.samples("uxprobe_journey_success", "journey", "playback").stream().anyMatch(s -> s.value() == 1));
            wm.stubFor(get("/play").willReturn(aResponse().withHeader("Content-Type", "text/html")
                    .withBody("<html><body><p>Something went wrong. Try again.</p></body></html>")));
            Thread.sleep(1500); // several failed runs: one incident, however many runs
            wm.stubFor(get("/play").willReturn(aResponse().withBody("<html><body>playing</body></html>").withHeader("Content-Type", "text/html")));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 2 && System.nanoTime() < end) Thread.sleep(100);
            Thread.sleep(1000); // nothing more may come
            assertThat(received).extracting(m -> m.path("state").asText()).containsExactly("down", "up");
            JsonNode down = received.getFirst();
            assertThat(down.path("journey").asText()).isEqualTo("playback");
            assertThat(down.path("regions").toString()).contains("eu-west");
            assertThat(down.path("message").asText()).contains("Something went wrong");
            assertThat(down.path("text").asText()).startsWith("We are seeing playback failures in eu-west since ").contains("users may see 'Something went wrong");
            assertThat(down.path("statusUrl").asText()).startsWith("http://");
            assertThat(refusals.get()).as("the receiver refused the first attempts").isNegative();
            assertThat(agent.log.toString()).doesNotContain("tok-123");
        } finally {
            receiver.stop(0);
        }
    }
}
