package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import io.uxprobe.agent.testing.Components;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.Journey;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real headless Chromium (Debian's {@code chromium}): journeys run for real against WireMock, the
 * target breaks, and the DOM after the page's script ran shows the failing journey's error message. The
 * screenshot is left in target/status-page.png.
 */
class StatusPageBrowserTest {

    @RegisterExtension
    static WireMockExtension target = WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String BROKEN = "<html><body><main><p class=\"error\">Something went wrong. Try again.</p></main></body></html>";

    @TempDir
    Path dir;

    private final HttpClients clients = new HttpClients();
    private final StatusBoard board = new StatusBoard();
    private final AtomicInteger pageLoads = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
        clients.close();
    }

    @Test
    void theGridShowsTheErrorMessageAFailingJourneyShowsItsUsers() throws Exception {
        Path chromium = Components.require("chromium", "chromium");
        healthy();
        JourneyFile file = journeys();
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(file.errorSignatures()), Clock.systemUTC());
        List<String> regions = List.of("eu-west", "us-east");
        for (Journey j : file.journeys()) for (String r : regions) board.register(j.name(), r, StatePolicy.DEFAULT);
        for (int i = 0; i < 6; i++) {
            for (Journey j : file.journeys()) for (String r : regions) board.record(r, runner.run(j, file.vars(), file.redactor()), false);
        }
        String url = serve();

        Document before = Jsoup.parse(browse(chromium, "--dump-dom", url));
        assertThat(before.select("table.grid thead th").eachText()).containsExactly("Journey", "eu-west", "us-east");
        assertThat(before.select("table.grid td .badge").eachText()).containsOnly("✔ Up").hasSize(4);
        assertThat(before.select("q.message")).isEmpty();

        target.stubFor(get("/api/tracks/42").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(BROKEN)));
        Journey playback = file.journeys().stream().filter(j -> j.name().equals("playback")).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) board.record("eu-west", runner.run(playback, file.vars(), file.redactor()), false);
        board.record("us-east", runner.run(playback, file.vars(), file.redactor()), false);
        int loadsBefore = pageLoads.get();

        Document after = Jsoup.parse(browse(chromium, "--dump-dom", url));
        Element down = after.selectFirst("td[data-journey=playback][data-region=eu-west]");
        assertThat(down.selectFirst(".badge").text()).isEqualTo("✖ Down");
        assertThat(down.selectFirst(".failure").text()).startsWith("step track · error_message · HTTP 200");
        assertThat(down.selectFirst("q.message").text()).isEqualTo("Something went wrong. Try again.");
        Element degraded = after.selectFirst("td[data-journey=playback][data-region=us-east]");
        assertThat(degraded.selectFirst(".badge").text()).isEqualTo("▲ Degraded");
        assertThat(degraded.text()).contains("1 of 2 failed runs in a row before Down");
        assertThat(after.selectFirst("td[data-journey=login][data-region=eu-west] .badge").text()).isEqualTo("✔ Up");
        assertThat(after.selectFirst("p.overall").text()).isEqualTo("Degraded: playback");
        assertThat(after.getElementById("journey-playback").select("svg.spark g")).as("8 runs in eu-west, 7 in us-east").hasSize(15);
        assertThat(after.getElementById("history-journey-playback").select("tr.r-fail")).hasSize(3);

        // the script ran under the page's Content-Security-Policy: relative times, and a refresh that swapped the board in
        assertThat(after.select("[data-ago]").eachText()).isNotEmpty().allSatisfy(t -> assertThat(t).matches("just now|\\d+ s ago"));
        assertThat(after.select("[data-for]").eachText()).allSatisfy(t -> assertThat(t).matches("\\(for \\d+ s\\)"));
        assertThat(pageLoads.get() - loadsBefore).as("the page fetched itself again").isGreaterThanOrEqualTo(2);
        assertThat(after.getElementById("stale").hasAttr("hidden")).isTrue();

        Path png = Path.of("target", "status-page.png").toAbsolutePath();
        Files.deleteIfExists(png);
        browse(chromium, "--screenshot=" + png, url);
        byte[] image = Files.readAllBytes(png);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        assertThat(image.length).isGreaterThan(10_000);
    }

    private void healthy() {
        target.stubFor(get("/home").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html><body><h1>Welcome</h1></body></html>")));
        target.stubFor(get("/api/tracks/42").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":42,\"title\":\"So What\"}").withFixedDelay(30)));
        target.stubFor(get("/api/me").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"name\":\"Ada\"}")));
    }

    private JourneyFile journeys() throws Exception {
        Path file = dir.resolve("journeys.yaml");
        Files.writeString(file, """
                vars:
                  base: http://127.0.0.1:%d
                errorSignatures:
                  - id: try_again
                    text: "Something went wrong. Try again."
                journeys:
                  - name: login
                    steps:
                      - name: me
                        request: { url: "${base}/api/me" }
                  - name: playback
                    steps:
                      - name: home
                        request: { url: "${base}/home" }
                      - name: track
                        request: { url: "${base}/api/tracks/42" }
                        expect: { status: 200 }
                """.formatted(target.getPort()));
        return new JourneyFileLoader().load(file);
    }

    /** The page refreshing itself every second, so the browser's virtual time sees a refresh. */
    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StatusPage page = new StatusPage(board, Duration.ofSeconds(1));
        server.createContext("/", exchange -> {
            pageLoads.incrementAndGet();
            page.handle(exchange);
        });
        server.createContext("/api/status", new StatusApi(board));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Runs headless Chromium on the URL, phone-sized, with 3 s of virtual time for the script; returns what it printed. */
    private String browse(Path chromium, String action, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=412,900", "--virtual-time-budget=3000", action, url));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s: " + Files.readString(err));
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr:\n" + Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
