package io.uxprobe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.browser.testing.SharedChromium;
import io.uxprobe.browser.testing.TestPages;
import io.uxprobe.probes.browser.Vital;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.http.HttpClients;
import io.uxprobe.probes.journey.FailureReason;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.JourneyRunner;
import io.uxprobe.probes.journey.StepResult;
import io.uxprobe.probes.spec.JourneyFile;
import io.uxprobe.probes.spec.JourneyFileLoader;
import io.uxprobe.probes.template.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser steps in a real headless Chromium against local pages, played by the journey runner as uxprobe plays them. */
class BrowserStepTest {

    private static TestPages pages;
    private static HttpClients clients;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pages = new TestPages();
        clients = new HttpClients();
    }

    @AfterAll
    static void stop() {
        pages.close();
        clients.close();
    }

    private JourneyResult play(String yaml) throws Exception {
        Path file = dir.resolve("journey.yaml");
        Files.writeString(file, yaml.replace("BASE", pages.url("")));
        JourneyFile loaded = new JourneyFileLoader().load(file, Map.of(), Environment.of(Map.of("PASSWORD", "hunter2-secret")));
        JourneyRunner runner = new JourneyRunner(clients, new ErrorDetector(loaded.errorSignatures()), Clock.systemUTC(), SharedChromium.get());
        return runner.run(loaded.journeys().getFirst(), loaded.vars(), loaded.redactor());
    }

    private static final String PLAYER = """
            <!doctype html><html><head><meta charset="utf-8"><title>player</title>
            <style>.error { color: red } .template { display: none }</style></head><body>
            <h1>Player</h1>
            <input id="q" aria-label="Search"> <button id="go">Search</button>
            <ul id="results"></ul><div id="banner" role="alert"></div>
            <script>
            document.getElementById('go').addEventListener('click', async () => {
              try {
                const r = await fetch('/api/search?q=' + encodeURIComponent(document.getElementById('q').value));
                if (!r.ok) throw new Error('HTTP ' + r.status);
                const j = await r.json();
                document.getElementById('results').innerHTML = j.results.map(t => '<li>' + t + '</li>').join('');
              } catch (e) {
                document.getElementById('banner').textContent = 'Something went wrong. Try again.';
              }
            });
            </script></body></html>
            """;

    @Test
    void aClickThroughWithFillClickAndWaitForPasses() throws Exception {
        pages.page("/player", PLAYER).json("/api/search", 200, "{\"results\":[\"Blue in Green\",\"So What\"]}");
        JourneyResult r = play("""
                journeys:
                  - name: search
                    steps:
                      - name: player
                        browser:
                          open: "BASE/player"
                          actions:
                            - fill: "#q"
                              value: jazz
                            - click: "#go"
                            - waitFor: { text: "So What" }
                            - expectNoText: "Something went wrong"
                        extract:
                          first: { text: "#results li" }
                """);
        StepResult step = r.steps().getFirst();
        assertThat(r.passed()).as(String.valueOf(step.failure())).isTrue();
        assertThat(step.page()).hasValueSatisfying(p -> {
            assertThat(p.vitals().get(Vital.TTFB)).isPresent();
            assertThat(p.vitals().get(Vital.FCP)).isPresent();
            assertThat(p.vitals().get(Vital.INP)).as("the step clicked and typed").isPresent();
            assertThat(p.vitals().cls()).isPresent();
            assertThat(p.failedRequestCount()).isZero();
        });
    }

    @Test
    void aBannerTheAppDrawsAfterAFailedFetchIsCaughtWithItsSignature() throws Exception {
        pages.page("/broken", PLAYER).json("/api/search", 503, "{\"error\":\"down\"}");
        JourneyResult r = play("""
                errorSignatures:
                  - id: try_again
                    text: "Something went wrong. Try again."
                journeys:
                  - name: search
                    steps:
                      - name: player
                        timeout: 10s
                        browser:
                          open: "BASE/broken"
                          actions:
                            - fill: "#q"
                              value: jazz
                            - click: "#go"
                            - waitFor: { text: "So What" }
                """);
        StepResult step = r.steps().getFirst();
        assertThat(step.failure()).hasValueSatisfying(f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.ERROR_MESSAGE);
            assertThat(f.signature()).hasValue("try_again");
        });
        assertThat(step.duration()).as("caught while waiting, not at the timeout").isLessThan(Duration.ofSeconds(5));
        assertThat(step.page().orElseThrow().failedRequestCount()).isEqualTo(1);
        assertThat(step.page().orElseThrow().evidence()).hasValueSatisfying(e -> {
            assertThat(e.hasScreenshot()).isTrue();
            assertThat(e.visibleText()).contains("Something went wrong. Try again.");
        });
    }

    @Test
    void aFailedStepsScreenshotShowsNoSecretThePageShowed() throws Exception {
        // the same page twice: once showing the secret (in its text, a text field and a shadow root), once showing the mask
        String account = """
                <!doctype html><html><body style="font: 32px monospace"><h1>Account</h1>
                <p>Your key: %s</p><input id="k" value="%s" style="font: 32px monospace"><div id="host"></div>
                <script>document.getElementById('host').attachShadow({mode: 'open'}).innerHTML = '<b>%s</b>';</script></body></html>""";
        pages.page("/shows", account.formatted("hunter2-secret", "hunter2-secret", "hunter2-secret"))
                .page("/masked", account.formatted("***", "***", "***"));
        String journey = """
                journeys:
                  - name: account
                    steps:
                      - name: page
                        timeout: 5s
                        browser:
                          open: "BASE/PATH"
                          actions:
                            - expectText: "${secret:PASSWORD} is not the text: this fails"
                """;
        byte[] shown = play(journey.replace("PATH", "shows")).steps().getFirst().page().orElseThrow().evidence().orElseThrow().screenshotPng();
        byte[] masked = play(journey.replace("PATH", "masked")).steps().getFirst().page().orElseThrow().evidence().orElseThrow().screenshotPng();

        assertThat(shown).as("a screenshot was taken").isNotEmpty();
        assertThat(pixels(shown)).as("the page showing the secret was masked before its screenshot").isEqualTo(pixels(masked));
    }

    private static int[] pixels(byte[] png) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aShellWithHiddenErrorTemplatesPasses() throws Exception {
        pages.page("/shell", """
                <!doctype html><html><head><style>.t { display: none } .gone { visibility: hidden }</style></head><body>
                <main><h1>Home</h1><p>Your shelf</p></main>
                <div class="t" role="alert">Something went wrong. Try again.</div>
                <p class="gone">Oops! Something went wrong, please try again later.</p>
                <template><div role="alert">Something went wrong. Try again.</div></template>
                <details><summary>Help</summary><div role="alert">Something went wrong. Try again.</div></details>
                <script>const messages = { failed: 'Something went wrong. Try again.' };</script>
                </body></html>
                """);
        JourneyResult r = play("""
                errorSignatures:
                  - id: try_again
                    text: "Something went wrong. Try again."
                journeys:
                  - name: home
                    steps:
                      - name: shell
                        browser:
                          open: "BASE/shell"
                          actions:
                            - expectText: "Your shelf"
                """);
        assertThat(r.passed()).as(String.valueOf(r.failure())).isTrue();
    }

    @Test
    void aPageThatNeverSettlesFailsWithTimeoutInsideTheStepsDeadline() throws Exception {
        pages.on("/never", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("<!doctype html><p>Loading".getBytes());
            ex.getResponseBody().flush();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        JourneyResult r = play("""
                journeys:
                  - name: slow
                    steps:
                      - name: never
                        timeout: 3s
                        browser:
                          open: "BASE/never"
                """);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f.reason()).isEqualTo(FailureReason.TIMEOUT));
        assertThat(took).isLessThan(Duration.ofMillis(3300));
        assertThat(r.steps().getFirst().page().orElseThrow().evidence()).isPresent();
    }

    @Test
    void cookiesAndValuesFlowBetweenHttpAndBrowserSteps() throws Exception {
        pages.on("/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=s3cr3t-token; Path=/; HttpOnly");
            TestPages.send(ex, 200, "application/json", "{\"ok\":true}");
        });
        pages.on("/me", ex -> {
            String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
            TestPages.send(ex, 200, "text/html", cookie.contains("session=s3cr3t-token")
                    ? "<!doctype html><h1 id=who>Hello, Ada</h1><a id=next href='/next?from=me'>next</a><script>document.cookie='seen=yes; path=/'</script>"
                    : "<!doctype html><h1 id=who>Please log in</h1>");
        });
        pages.on("/check", ex -> TestPages.send(ex, String.valueOf(ex.getRequestHeaders().getFirst("Cookie")).contains("seen=yes") ? 200 : 401,
                "text/plain", "ok"));
        JourneyResult r = play("""
                vars: { base: "BASE" }
                journeys:
                  - name: session
                    steps:
                      - name: login
                        request: { method: POST, url: "${base}/login", json: { password: "${secret:PASSWORD}" } }
                      - name: profile
                        browser:
                          open: "${base}/me"
                          actions:
                            - waitFor: { selector: "#who" }
                        extract:
                          who: { text: "#who" }
                          next: { attribute: href, selector: "#next" }
                          here: { url: true }
                      - name: back-over-http
                        request: { url: "${base}/check?who=${who}" }
                """);
        assertThat(r.passed()).as(String.valueOf(r.failure())).isTrue();
        assertThat(r.steps().get(2).url()).contains("who=Hello, Ada").doesNotContain("Please");
    }

    @Test
    void consoleErrorsAndFailedRequestsAreCountedAndFailTheStepOnlyWhenItSaysSo() throws Exception {
        pages.page("/noisy", "<!doctype html><p>fine</p><script>console.error('boom'); fetch('/missing');</script>");
        String journey = """
                journeys:
                  - name: noisy
                    steps:
                      - name: page
                        browser:
                          open: "BASE/noisy"
                          FAIL
                          actions:
                            - expectText: fine
                            - waitFor: { selector: "p" }
                """;
        JourneyResult lenient = play(journey.replace("FAIL", "failOnConsoleErrors: false"));
        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.steps().getFirst().page().orElseThrow().consoleErrorCount()).isPositive();
        JourneyResult strict = play(journey.replace("FAIL", "failOnFailedRequests: true"));
        assertThat(strict.failure()).hasValueSatisfying(f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.ASSERTION);
            assertThat(f.detail()).contains("/missing", "404");
        });
    }
}
