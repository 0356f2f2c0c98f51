package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Daemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as an SRE runs it: basic auth on every endpoint, SIGHUP reloads, SIGTERM lets a run finish and exits 0. */
class ServeIT {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    String journeys(String... names) {
        StringBuilder b = new StringBuilder("defaults: { interval: 2s, timeout: 1900ms }\njourneys:\n");
        for (String n : names) {
            b.append("  - name: ").append(n).append("\n    steps: [ { name: get, request: { url: \"http://127.0.0.1:")
                    .append(wm.getPort()).append('/').append(n).append("\" } } ]\n");
        }
        return b.toString();
    }

    HttpResponse<String> call(int port, String path, String auth) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
        if (auth != null) r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lifecycleOfTheAgentProcess() throws Exception {
        wm.stubFor(get("/fast").willReturn(aResponse().withBody("ok")));
        // slow enough that SIGTERM lands in the middle of a run
        wm.stubFor(get("/slow").willReturn(aResponse().withBody("ok").withFixedDelay(1200)));
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, journeys("slow"));
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "basic_auth_users:\n  prometheus: " + new String(BCrypt.withDefaults().hash(4, "s3cret".toCharArray()), StandardCharsets.UTF_8) + "\n");
        int port = Daemon.freePort();
        Path log = dir.resolve("agent.log");
        Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("uxprobe.jar"),
                "serve", file.toString(), "--listen", "127.0.0.1:" + port, "--region", "lab", "--web-config", web.toString(),
                "--log-format", "json", "--no-watch", "--grace", "5s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String auth = "prometheus:s3cret";
            waitFor(() -> call(port, "/-/ready", auth).statusCode() == 200, log);
            assertThat(call(port, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(call(port, "/-/reload", "prometheus:wrong").statusCode()).isEqualTo(401);
            // ready means every journey ran once; the first run of a cold JVM may still time out on a busy machine
            waitFor(() -> call(port, "/metrics", auth).body().contains("uxprobe_journey_success{journey=\"slow\",region=\"lab\"} 1"), log);

            // SIGHUP: the new file is read (the file watch is off, so it was the signal)
            Files.writeString(file, journeys("slow", "fast"));
            new ProcessBuilder("kill", "-HUP", Long.toString(agent.pid())).start().waitFor();
            waitFor(() -> call(port, "/metrics", auth).body().contains("uxprobe_journey_success{journey=\"fast\",region=\"lab\"} 1"), log);

            // SIGTERM while the slow journey is under way: it finishes, then the agent exits 0
            waitFor(() -> wm.findAllUnmatchedRequests().isEmpty() && lastSlowRequestIsOngoing(), log);
            agent.destroy();
            assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            agent.destroyForcibly();
        }

        List<JsonNode> lines = Files.readAllLines(log).stream().map(ServeIT::json).toList();
        assertThat(lines).extracting(l -> l.path("msg").asText()).contains("uxprobe serving", "journeys reloaded", "uxprobe stopped");
        assertThat(lines).filteredOn(l -> l.path("msg").asText().equals("journeys reloaded")).first()
                .satisfies(l -> assertThat(l.path("cause").asText()).isEqualTo("SIGHUP"));
        int stopped = indexOf(lines, "uxprobe stopped");
        JsonNode lastRun = lines.subList(0, stopped).reversed().stream().filter(l -> l.path("msg").asText().equals("journey run")
                && l.path("journey").asText().equals("slow")).findFirst().orElseThrow();
        assertThat(lastRun.path("result").asText()).as("the run under way at SIGTERM finished and passed").isEqualTo("success");
    }

    @Test
    void anAgentStartedWithHangUpIgnoredSaysHowElseToReload() throws Exception {
        wm.stubFor(get("/fast").willReturn(aResponse().withBody("ok")));
        Path file = Files.writeString(dir.resolve("journeys.yaml"), journeys("fast"));
        Path log = dir.resolve("agent.log");
        // nohup starts the JVM with SIGHUP ignored, and the JVM then leaves it so: no reload on SIGHUP
        Process agent = new ProcessBuilder("nohup", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("uxprobe.jar"), "serve", file.toString(), "--listen", "127.0.0.1:" + Daemon.freePort(), "--no-watch")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitFor(() -> Files.readString(log).contains("uxprobe serving"), log);
            assertThat(Files.readString(log)).contains("level=error msg=\"SIGHUP is ignored (started under nohup?): reload with POST /-/reload");
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private boolean lastSlowRequestIsOngoing() {
        // a /slow request arrived less than 600 ms ago: its 1200 ms answer is still coming
        return wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/slow"))
                .anyMatch(e -> System.currentTimeMillis() - e.getRequest().getLoggedDate().getTime() < 600);
    }

    private static int indexOf(List<JsonNode> lines, String msg) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).path("msg").asText().equals(msg)) return i;
        throw new AssertionError("no line " + msg + " in " + lines);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition c, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try {
                if (c.holds()) return;
            } catch (java.io.IOException notYet) {
                // the agent is still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met; agent log:\n" + Files.readString(log));
    }
}
