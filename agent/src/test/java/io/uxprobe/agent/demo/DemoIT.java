package io.uxprobe.agent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.uxprobe.agent.testing.Daemon;
import io.uxprobe.agent.testing.Exposition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees: `uxprobe demo` goes green within 30 s, and breaking a region turns that region red. */
class DemoIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    @TempDir
    Path dir;

    @Test
    void theDemoGoesGreenAndShowsABrokenRegion() throws Exception {
        int agentPort = Daemon.freePort();
        int[] ports = {Daemon.freePort(), Daemon.freePort(), Daemon.freePort()};
        Path out = dir.resolve("demo.log");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("uxprobe.jar"),
                "demo", "--listen", "127.0.0.1:" + agentPort,
                "--regions", "eu-west=" + ports[0] + ",us-east=" + ports[1] + ",ap-south=" + ports[2])
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            String metrics = "http://127.0.0.1:" + agentPort + "/metrics";
            Exposition green = await(metrics, Duration.ofSeconds(30), e -> REGIONS.stream().allMatch(r ->
                    List.of("playback", "login", "search").stream().allMatch(j -> success(e, j, r) == 1.0)), out);
            assertThat(success(green, "listen", "us-east")).isIn(1.0, Double.NaN);

            HttpResponse<String> broke = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[0] + "/admin/outage?mode=soft_html"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(broke.statusCode()).isEqualTo(200);

            long brokeAt = System.nanoTime();
            Exposition red = await(metrics, Duration.ofSeconds(30), e -> success(e, "login", "eu-west") == 0.0
                    && success(e, "search", "eu-west") == 0.0, out);

            // the status page: red within two intervals (the demo runs every 5 s; down after 2 failed runs), with the message
            String status = "http://127.0.0.1:" + agentPort;
            JsonNode down = awaitJson(status + "/api/status", Duration.ofSeconds(12), s -> "down".equals(cell(s, "login", "eu-west").path("state").asText()));
            assertThat(Duration.ofNanos(System.nanoTime() - brokeAt)).isLessThan(Duration.ofSeconds(12));
            assertThat(cell(down, "login", "eu-west").at("/lastFailure/failure/message").asText()).contains("Something went wrong");
            assertThat(cell(down, "login", "us-east").path("state").asText()).isEqualTo("up");
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(status + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Something went wrong", "eu-west", "Down");
            assertThat(red.value("uxprobe_error_messages_total", "journey", "login", "region", "eu-west", "step", "login",
                    "signature", "something_went_wrong")).isPositive();
            assertThat(success(red, "login", "us-east")).as("other regions stay up").isEqualTo(1.0);
            assertThat(success(red, "login", "ap-south")).isEqualTo(1.0);
            assertThat(Files.readString(out)).contains("Break eu-west", "/admin/outage?mode=soft_html", "/metrics",
                    "journey=login region=eu-west result=failure");
            assertThat(Files.readString(out)).as("the demo password is a secret").doesNotContain("let-me-listen\"");

            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[0] + "/admin/outage?mode=none"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            awaitJson(status + "/api/status", Duration.ofSeconds(12), s -> "up".equals(cell(s, "login", "eu-west").path("state").asText()));

            // only the web player's API breaks: the HTTP journey of its page stays up, the browser journey sees the banner
            io.uxprobe.browser.testing.SharedChromium.require();
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[0] + "/admin/outage?mode=player_api"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            // player-page also waits for its first run since the heal: soft_html broke its page too, and the browser may go first
            Exposition player = await(metrics, Duration.ofSeconds(45), e -> e.samples("uxprobe_error_messages_total", "journey", "player",
                    "region", "eu-west", "signature", "try_again").stream().anyMatch(sample -> sample.value() > 0)
                    && success(e, "player-page", "eu-west") == 1.0, out);
            assertThat(success(player, "player", "eu-west")).isZero();
            assertThat(success(player, "player-page", "eu-west")).as("the page's shell answers 200 OK").isEqualTo(1.0);
            assertThat(success(player, "search", "eu-west")).as("the other APIs are fine").isEqualTo(1.0);
            JsonNode playerDown = awaitJson(status + "/api/status", Duration.ofSeconds(20),
                    s -> "error_message".equals(cell(s, "player", "eu-west").at("/lastFailure/failure/reason").asText()));
            assertThat(cell(playerDown, "player", "eu-west").at("/lastFailure/failure/message").asText()).contains("Something went wrong. Try again.");
            assertThat(cell(playerDown, "player-page", "eu-west").path("state").asText()).isEqualTo("up");

            demo.destroy();
            assertThat(demo.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(demo.exitValue()).isZero();
        } finally {
            // SIGTERM first, even when the test failed: a killed agent could not close its Chromium
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) demo.destroyForcibly();
        }
    }

    static JsonNode cell(JsonNode status, String journey, String region) {
        for (JsonNode j : status.path("journeys")) {
            if (!j.path("journey").asText().equals(journey)) continue;
            for (JsonNode c : j.path("regions")) if (c.path("region").asText().equals(region)) return c;
        }
        return MissingNode.getInstance();
    }

    static JsonNode awaitJson(String url, Duration within, Predicate<JsonNode> condition) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        JsonNode last = MissingNode.getInstance();
        while (System.nanoTime() < end) {
            last = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(last)) return last;
            Thread.sleep(250);
        }
        throw new AssertionError("not reached within " + within + ": " + last.toPrettyString());
    }

    static double success(Exposition e, String journey, String region) {
        List<Exposition.Sample> s = e.samples("uxprobe_journey_success", "journey", journey, "region", region);
        return s.isEmpty() ? Double.NaN : s.getFirst().value();
    }

    static Exposition await(String url, Duration within, Predicate<Exposition> condition, Path log) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Exposition e = Exposition.parse(last);
                if (condition.test(e)) return e;
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached within " + within + "\nlast scrape:\n" + last + "\ndemo output:\n" + Files.readString(log));
    }
}
