package io.uxprobe.agent.serve;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.uxprobe.agent.testing.Daemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's footprint: the packaged agent without an OTLP endpoint loads no OpenTelemetry, OTLP registry or protobuf
 * class, while it runs journeys, sends traceparent and answers scrapes; with one, it does (so the check sees them).
 */
class OtlpClassesIT {

    private static final Pattern OTLP_CLASS = Pattern.compile("(?m)^\\S+ (io\\.opentelemetry\\.|io\\.micrometer\\.registry\\.otlp\\.|com\\.google\\.protobuf\\.)\\S+ source:");

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void withoutAnEndpointNoOpenTelemetryClassLoads() throws Exception {
        backend.stubFor(get("/").willReturn(aResponse().withBody("ok")));
        Files.writeString(dir.resolve("journeys.yaml"), """
                defaults: { interval: 1s, timeout: 900ms }
                journeys:
                  - name: home
                    steps: [ { name: home, request: { url: "http://127.0.0.1:%d/" } } ]
                """.formatted(backend.getPort()));

        String without = classesLoadedBy(List.of());
        assertThat(backend.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getHeader("traceparent")).isNotNull());
        assertThat(OTLP_CLASS.matcher(without).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(without).contains("io.uxprobe.probes.journey.TraceContext source:");

        String with = classesLoadedBy(List.of("--otlp-endpoint", "http://127.0.0.1:" + Daemon.freePort()));
        assertThat(OTLP_CLASS.matcher(with).find()).as("the check sees OpenTelemetry classes when they do load").isTrue();
    }

    /** Runs the agent until it has run the journey and been scraped, and returns its class-loading log. */
    private String classesLoadedBy(List<String> options) throws Exception {
        Path classes = dir.resolve("classes-" + options.size() + ".log");
        int port = Daemon.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-jar", System.getProperty("uxprobe.jar"), "serve", dir.resolve("journeys.yaml").toString(),
                "--listen", "127.0.0.1:" + port, "--no-watch"));
        command.addAll(options);
        Path log = dir.resolve("agent-" + options.size() + ".log");
        Process agent = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            ServeIT.waitFor(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("uxprobe_journey_runs_total{journey=\"home\",region=\"default\",result=\"success\"} 1"), log);
            agent.destroy();
            assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            agent.destroyForcibly();
        }
        return Files.readString(classes);
    }
}
