package io.uxprobe.agent.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.testing.Daemon;
import io.uxprobe.agent.testing.Exposition;
import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.browser.testing.TestPages;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's browser, as an SRE meets it: an agent of HTTP journeys loads no browser class and starts no
 * process; an agent of browser journeys leaves no Chromium process behind after SIGTERM.
 */
class BrowserServeIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestPages pages;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pages = new TestPages().page("/", "<!doctype html><title>home</title><p>Welcome</p>");
    }

    @AfterAll
    static void stop() {
        pages.close();
    }

    private Process serve(Path journeys, int port, String... jvmFlags) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-jar", System.getProperty("uxprobe.jar"), "serve", journeys.toString(), "--listen", "127.0.0.1:" + port, "--no-watch"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
    }

    private Exposition await(int port, Duration within, Predicate<Exposition> condition) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                last = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Exposition e = Exposition.parse(last);
                if (condition.test(e)) return e;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reached within " + within + ":\n" + last + "\n" + Files.readString(dir.resolve("serve.log")));
    }

    /** Successful runs of a journey; 0 while the agent has not loaded it yet. */
    private static double runs(Exposition e, String journey) {
        return e.samples("uxprobe_journey_runs_total", "journey", journey, "result", "success").stream()
                .mapToDouble(Exposition.Sample::value).sum();
    }

    @Test
    void anAgentOfHttpJourneysLoadsNoBrowserClassAndStartsNoProcess() throws Exception {
        Path journeys = Files.writeString(dir.resolve("http.yaml"), """
                defaults: { interval: 1s, timeout: 1s }
                journeys:
                  - name: home
                    steps: [ { name: get, request: { url: "%s" } } ]
                """.formatted(pages.url("/")));
        Path classes = dir.resolve("classes.log");
        int port = Daemon.freePort();
        Process p = serve(journeys, port, "-Xlog:class+load=info:file=" + classes);
        try {
            await(port, Duration.ofSeconds(30), e -> runs(e, "home") >= 3);
            assertThat(p.descendants().toList()).as("processes the agent started").isEmpty();
            String loaded = Files.readString(classes);
            assertThat(loaded).contains("io.uxprobe.agent.serve.Agent ", "io.uxprobe.agent.browser.AgentBrowser ")
                    .doesNotContain("org.openqa.selenium", "io.uxprobe.browser.", "io.uxprobe.agent.browser.ChromiumLauncher");
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void afterSigtermNoChromiumProcessRemains() throws Exception {
        SharedChromium.require();
        Path journeys = Files.writeString(dir.resolve("browser.yaml"), """
                defaults: { interval: 5s, timeout: 5s }
                journeys:
                  - name: page
                    steps:
                      - name: open
                        browser:
                          open: "%s"
                          actions: [ { expectText: Welcome } ]
                """.formatted(pages.url("/")));
        int port = Daemon.freePort();
        Process p = serve(journeys, port);
        List<ProcessHandle> browser;
        try {
            await(port, Duration.ofSeconds(60), e -> runs(e, "page") >= 1);
            browser = p.descendants().toList();
            assertThat(browser).as("chromedriver and Chromium").hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser).anyMatch(h -> h.info().command().orElse("").contains("chromedriver"));
        } finally {
            p.destroy(); // SIGTERM
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        for (ProcessHandle h : browser) {
            h.onExit().get(5, TimeUnit.SECONDS);
            assertThat(h.isAlive()).as(h.pid() + " " + h.info().command().orElse("")).isFalse();
        }
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("browser started");
    }
}
